package io.steppe.ops.web;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code as an SVG path, for a template to place inline: one unit square per dark module, offset by the quiet zone
 * of four modules that readers need around it.
 *
 * @param size the code's width in modules, quiet zone included: the SVG's view box
 * @param path the dark modules, as an SVG path's {@code d}
 */
public record QrSvg(int size, String path) {

    static final int QUIET_ZONE = 4;

    /** {@code text} at error correction level M, which survives a smudged or creased card. */
    static QrSvg of(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M').append(x + QUIET_ZONE).append(',').append(y + QUIET_ZONE).append("h1v1h-1z");
                }
            }
        }
        return new QrSvg(qr.size + 2 * QUIET_ZONE, path.toString());
    }
}
