// The `mml` command: a thin front end over MMLCore.
import MMLCore
print("mml")
