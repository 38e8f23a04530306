import Foundation

/// The pixels of an 8-bit, non-interlaced PNG (grey, grey+alpha, RGB or RGBA) as RGBA.
struct PNGImage {
    let width: Int
    let height: Int
    /// RGBA, row-major.
    let pixels: [UInt8]

    struct Failure: Error, CustomStringConvertible { let description: String }

    init(contentsOf url: URL) throws { try self.init(data: [UInt8](try Data(contentsOf: url))) }

    init(data: [UInt8]) throws {
        guard data.count > 8, data[0..<8].elementsEqual([137, 80, 78, 71, 13, 10, 26, 10]) else { throw Failure(description: "not a PNG") }
        var p = 8
        var w = 0, h = 0, colorType = 0
        var idat: [UInt8] = []
        func be32(_ i: Int) -> Int { Int(data[i]) << 24 | Int(data[i + 1]) << 16 | Int(data[i + 2]) << 8 | Int(data[i + 3]) }
        while p + 8 <= data.count {
            let len = be32(p)
            let type = String(decoding: data[(p + 4)..<(p + 8)], as: UTF8.self)
            let body = p + 8
            guard body + len + 4 <= data.count else { throw Failure(description: "truncated chunk \(type)") }
            switch type {
            case "IHDR":
                w = be32(body)
                h = be32(body + 4)
                guard data[body + 8] == 8, data[body + 12] == 0 else { throw Failure(description: "only 8-bit non-interlaced PNG") }
                colorType = Int(data[body + 9])
            case "IDAT": idat += data[body..<(body + len)]
            default: break
            }
            p = body + len + 4
            if type == "IEND" { break }
        }
        let channels: Int
        switch colorType {
        case 0: channels = 1
        case 2: channels = 3
        case 4: channels = 2
        case 6: channels = 4
        default: throw Failure(description: "unsupported colour type \(colorType)")
        }
        let raw = try Inflate.zlib(idat)
        let stride = w * channels
        guard raw.count >= h * (stride + 1) else { throw Failure(description: "short image data") }
        var rows = [UInt8](repeating: 0, count: h * stride)
        for y in 0..<h {
            let filter = raw[y * (stride + 1)]
            let src = y * (stride + 1) + 1, dst = y * stride
            for x in 0..<stride {
                let a = x >= channels ? Int(rows[dst + x - channels]) : 0
                let b = y > 0 ? Int(rows[dst - stride + x]) : 0
                let c = (x >= channels && y > 0) ? Int(rows[dst - stride + x - channels]) : 0
                let v = Int(raw[src + x])
                let out: Int
                switch filter {
                case 0: out = v
                case 1: out = v + a
                case 2: out = v + b
                case 3: out = v + (a + b) / 2
                case 4:
                    let pa = abs(b - c), pb = abs(a - c), pc = abs(a + b - 2 * c)
                    out = v + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)
                default: throw Failure(description: "bad filter \(filter)")
                }
                rows[dst + x] = UInt8(truncatingIfNeeded: out)
            }
        }
        var rgba = [UInt8](repeating: 255, count: w * h * 4)
        for i in 0..<(w * h) {
            switch channels {
            case 1, 2:
                rgba[4 * i] = rows[i * channels]; rgba[4 * i + 1] = rows[i * channels]; rgba[4 * i + 2] = rows[i * channels]
                if channels == 2 { rgba[4 * i + 3] = rows[i * channels + 1] }
            default:
                for k in 0..<channels { rgba[4 * i + k] = rows[i * channels + k] }
            }
        }
        width = w
        height = h
        pixels = rgba
    }

    /// How many distinct RGB colours the image uses.
    var distinctColors: Int {
        var seen = Set<UInt32>()
        for i in stride(from: 0, to: pixels.count, by: 4) {
            seen.insert(UInt32(pixels[i]) << 16 | UInt32(pixels[i + 1]) << 8 | UInt32(pixels[i + 2]))
        }
        return seen.count
    }

    /// The share of pixels that differ from the most common colour (the background).
    var nonBackgroundFraction: Double {
        var counts: [UInt32: Int] = [:]
        for i in stride(from: 0, to: pixels.count, by: 4) {
            counts[UInt32(pixels[i]) << 16 | UInt32(pixels[i + 1]) << 8 | UInt32(pixels[i + 2]), default: 0] += 1
        }
        let background = counts.values.max() ?? 0
        return 1 - Double(background) / Double(max(width * height, 1))
    }

    /// Pixels that are clearly coloured (not grey): max − min channel > 60.
    var saturatedPixels: Int {
        var n = 0
        for i in stride(from: 0, to: pixels.count, by: 4) {
            let r = pixels[i], g = pixels[i + 1], b = pixels[i + 2]
            if Int(max(r, g, b)) - Int(min(r, g, b)) > 60 { n += 1 }
        }
        return n
    }
}
