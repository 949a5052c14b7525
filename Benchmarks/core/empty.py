# Startup cost: an empty script.
