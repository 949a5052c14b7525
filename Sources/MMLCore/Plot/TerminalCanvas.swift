// A character grid for terminal plots: braille dots (2×4 per cell) for lines and points,
// plus cell-sized fills (blocks, shades) and markers. Clips everything to the grid.

/// The terminal drawing surface. Pixel (px, py) is braille dot px % 2, py % 4 of cell (px / 2, py / 4);
/// py grows downwards.
struct TerminalCanvas {
    let cols: Int
    let rows: Int
    private(set) var bits: [UInt8]
    private(set) var bitColor: [Int]
    private(set) var fill: [Character?]
    private(set) var fillColor: [Int?]
    private(set) var marks: [Character?]
    private(set) var markColor: [Int?]

    /// Braille dot bits by [dy][dx] (Unicode numbering: dots 1–3 and 7 on the left, 4–6 and 8 on the right).
    private static let dotBits: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]

    init(cols: Int, rows: Int) {
        self.cols = max(cols, 1)
        self.rows = max(rows, 1)
        let n = self.cols * self.rows
        bits = [UInt8](repeating: 0, count: n)
        bitColor = [Int](repeating: -1, count: n)
        fill = [Character?](repeating: nil, count: n)
        fillColor = [Int?](repeating: nil, count: n)
        marks = [Character?](repeating: nil, count: n)
        markColor = [Int?](repeating: nil, count: n)
    }

    var pixelWidth: Int { cols * 2 }
    var pixelHeight: Int { rows * 4 }

    /// Sets one braille dot; ignored outside the grid.
    mutating func dot(_ px: Int, _ py: Int, color: Int) {
        guard px >= 0, py >= 0, px < pixelWidth, py < pixelHeight else { return }
        let cell = (py / 4) * cols + px / 2
        bits[cell] |= TerminalCanvas.dotBits[py % 4][px % 2]
        bitColor[cell] = color
    }

    /// Sets the dot nearest to the continuous pixel position, if it is on the grid.
    mutating func dot(x: Double, y: Double, color: Int) {
        guard x >= -0.5, y >= -0.5, x < Double(pixelWidth) - 0.5, y < Double(pixelHeight) - 0.5 else { return }
        dot(Int(x.rounded()), Int(y.rounded()), color: color)
    }

    /// A line between continuous pixel positions: clipped to the grid (Liang–Barsky), then
    /// drawn with Bresenham's algorithm. `step` counts dots along a polyline so that dash
    /// patterns continue across its segments.
    mutating func line(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, color: Int,
                       dash: DashPattern, step: inout Int) {
        guard let (a, b) = clip(x0, y0, x1, y1) else { return }
        var x = Int(a.0.rounded()), y = Int(a.1.rounded())
        let xe = Int(b.0.rounded()), ye = Int(b.1.rounded())
        let dx = abs(xe - x), dy = -abs(ye - y)
        let sx = x < xe ? 1 : -1, sy = y < ye ? 1 : -1
        var err = dx + dy
        while true {
            if dash.isOn(step) { dot(x, y, color: color) }
            step += 1
            if x == xe && y == ye { break }
            let e2 = 2 * err
            if e2 >= dy { err += dy; x += sx }
            if e2 <= dx { err += dx; y += sy }
        }
    }

    /// The part of a segment inside the pixel rectangle, or nil when none is.
    private func clip(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> ((Double, Double), (Double, Double))? {
        guard x0.isFinite, y0.isFinite, x1.isFinite, y1.isFinite else { return nil }
        let xmin = -0.49, ymin = -0.49, xmax = Double(pixelWidth) - 0.51, ymax = Double(pixelHeight) - 0.51
        let dx = x1 - x0, dy = y1 - y0
        var t0 = 0.0, t1 = 1.0
        for (p, q) in [(-dx, x0 - xmin), (dx, xmax - x0), (-dy, y0 - ymin), (dy, ymax - y0)] {
            if p == 0 {
                if q < 0 { return nil }
            } else {
                let r = q / p
                if p < 0 { t0 = max(t0, r) } else { t1 = min(t1, r) }
                if t0 > t1 { return nil }
            }
        }
        return ((x0 + t0 * dx, y0 + t0 * dy), (x0 + t1 * dx, y0 + t1 * dy))
    }

    /// Puts a background character (block, shade) in a cell.
    mutating func setFill(col: Int, row: Int, _ c: Character, color: Int?) {
        guard col >= 0, row >= 0, col < cols, row < rows else { return }
        fill[row * cols + col] = c
        fillColor[row * cols + col] = color
    }

    /// Puts a marker character in a cell; it hides dots and fills there.
    mutating func mark(col: Int, row: Int, _ c: Character, color: Int?) {
        guard col >= 0, row >= 0, col < cols, row < rows else { return }
        marks[row * cols + col] = c
        markColor[row * cols + col] = color
    }

    /// The character shown in a cell and its palette colour (nil = default).
    func cell(col: Int, row: Int) -> (Character, Int?) {
        let i = row * cols + col
        if let m = marks[i] { return (m, markColor[i]) }
        if bits[i] != 0, let scalar = Unicode.Scalar(0x2800 + UInt32(bits[i])) { return (Character(scalar), bitColor[i]) }
        if let f = fill[i] { return (f, fillColor[i]) }
        return (" ", nil)
    }
}
