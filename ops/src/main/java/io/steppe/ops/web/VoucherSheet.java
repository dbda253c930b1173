package io.steppe.ops.web;

import io.steppe.web.Texts;
import java.time.Instant;
import java.util.List;

/**
 * The printable sheet of a batch just issued: the only time its codes are shown. Each card says how to use it in
 * Chinese and English, whatever the console's reader reads, since a tourist desk hands it to anyone.
 *
 * @param portal the portal's address, for a phone whose login page did not open by itself
 */
public record VoucherSheet(String batch, List<Card> cards, int minutes, Instant validUntil, int devices, String portal, Texts zh, Texts en) {

    public VoucherSheet {
        cards = List.copyOf(cards);
    }

    /** One card: its code, and the code as a QR code a phone's camera can copy it from. */
    public record Card(String code, QrSvg qr) {

        @Override
        public String toString() {
            return "Card[code=**********]";
        }
    }

    static VoucherSheet of(String batch, List<String> codes, int minutes, Instant validUntil, int devices, String portal, Texts zh, Texts en) {
        return new VoucherSheet(batch, codes.stream().map(c -> new Card(c, QrSvg.of(c))).toList(), minutes, validUntil, devices, portal, zh, en);
    }

    @Override
    public String toString() {
        return "VoucherSheet[batch=" + batch + ", cards=" + cards.size() + "]";
    }
}
