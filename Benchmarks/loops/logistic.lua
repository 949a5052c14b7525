-- Hand-written logistic regression: 1,000 epochs of stochastic gradient steps on 3 weights over 100 points (sigmoid of a dot product, small-vector update).
-- Vectors are tables, as Python's twin uses tuples, their arithmetic written out per component.
local function shortest(v)  -- the shortest decimal that reads back as v, as MML and Python print it
    for p = 1, 17 do
        local s = string.format("%." .. p .. "g", v)
        if tonumber(s) == v then return s end
    end
end

local n = 100
local x1, x2, ys = {}, {}, {}
for i = 1, n do
    x1[i] = (i % 10) / 10
    x2[i] = (7 * i % 13) / 13
    ys[i] = 0.0
    if x1[i] - x2[i] + (3 * i % 11) / 22 > 0.25 then ys[i] = 1.0 end
end
local w = {0.0, 0.0, 0.0}
local lr = 0.05
for epoch = 1, 1000 do
    for i = 1, n do
        local xi = {1.0, x1[i], x2[i]}
        local p = 1 / (1 + math.exp(-(w[1] * xi[1] + w[2] * xi[2] + w[3] * xi[3])))
        local c = lr * (p - ys[i])
        w = {w[1] - c * xi[1], w[2] - c * xi[2], w[3] - c * xi[3]}
    end
end
local loss = 0.0
for i = 1, n do
    local p = 1 / (1 + math.exp(-(w[1] + w[2] * x1[i] + w[3] * x2[i])))
    loss = loss - (ys[i] * math.log(p) + (1 - ys[i]) * math.log(1 - p))
end
local out = {}
for _, c in ipairs({loss / n, w[1], w[2], w[3]}) do out[#out + 1] = shortest(math.floor(c * 1e9 + 0.5) / 1e9) end
print(table.concat(out, " "))
