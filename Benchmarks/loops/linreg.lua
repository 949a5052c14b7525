-- Hand-written linear regression: batch gradient descent on 3 weights over 50 data points (dot, small-vector arithmetic, norm), up to 3,000 steps.
-- Vectors are tables, as Python's twin uses tuples, their arithmetic written out per component.
local function shortest(v)  -- the shortest decimal that reads back as v, as MML and Python print it
    for p = 1, 17 do
        local s = string.format("%." .. p .. "g", v)
        if tonumber(s) == v then return s end
    end
end

local n = 50
local x1, x2, ys = {}, {}, {}
for i = 1, n do
    x1[i] = (i % 10) / 10
    x2[i] = (7 * i % 13) / 13
    ys[i] = 1 + 2 * x1[i] - 3 * x2[i] + (3 * i % 5) / 50
end
local w = {0.0, 0.0, 0.0}
local lr = 0.2
local steps = 0
for k = 1, 3000 do
    local g = {0.0, 0.0, 0.0}
    for i = 1, n do
        local xi = {1.0, x1[i], x2[i]}
        local e = (w[1] * xi[1] + w[2] * xi[2] + w[3] * xi[3]) - ys[i]
        g = {g[1] + e * xi[1], g[2] + e * xi[2], g[3] + e * xi[3]}
    end
    g = {g[1] / n, g[2] / n, g[3] / n}
    w = {w[1] - lr * g[1], w[2] - lr * g[2], w[3] - lr * g[3]}
    steps = k
    if math.sqrt(g[1] * g[1] + g[2] * g[2] + g[3] * g[3]) < 1e-10 then break end
end
local out = {tostring(steps)}
for j = 1, 3 do out[#out + 1] = shortest(math.floor(w[j] * 1e9 + 0.5) / 1e9) end
print(table.concat(out, " "))
