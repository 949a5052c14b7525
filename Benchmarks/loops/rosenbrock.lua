-- Hand-written gradient descent on Rosenbrock's function: 200,000 steps, a gradient returned as two results.
local function shortest(v)  -- the shortest decimal that reads back as v, as MML and Python print it
    for p = 1, 17 do
        local s = string.format("%." .. p .. "g", v)
        if tonumber(s) == v then return s end
    end
end

local function grad(x, y)
    local r = y - x * x
    return -2 * (1 - x) - 400 * x * r, 200 * r
end

local x, y = -1.2, 1.0
for k = 1, 200000 do
    local gx, gy = grad(x, y)
    x = x - 0.001 * gx
    y = y - 0.001 * gy
end
print(shortest(x) .. " " .. shortest(y))
