package io.steppe.portal.web;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * What {@code login.jte} shows a client the gateway sent: the language switch, the ways to log in (SMS only where a
 * sender is configured), each form carrying the gateway's redirect fields back, and WISPr for smart clients.
 *
 * @param error        why the last attempt failed, or null
 * @param typed        what the visitor typed before, filled in again after an error
 * @param smsTerms     the terms beside the SMS form, stating the daily allowance a number gets
 * @param voucherTerms the terms beside the voucher form, which promise only what a voucher carries
 */
public record LoginPage(List<Language> languages, Fields fields, @Nullable String error, boolean sms, @Nullable Wispr wispr,
                        Typed typed, String smsTerms, String voucherTerms) {

    /** What a visitor typed into the forms: kept across a refusal so that nothing is typed twice. */
    public record Typed(String phone, String voucher, boolean terms) {

        public static final Typed NONE = new Typed("", "", false);

        /** What a posted form carried, each field cut to what its input allows. */
        static Typed of(java.util.Map<String, String> form) {
            return new Typed(cut(form.get("phone"), 20), cut(form.get("voucher"), 32), "yes".equals(form.get("terms")));
        }

        private static String cut(@Nullable String value, int length) {
            return value == null ? "" : value.length() > length ? value.substring(0, length) : value;
        }
    }

    /**
     * The hidden fields of every login form: the gateway's redirect as it came, the page's language and the token
     * that proves the form was ours.
     */
    public record Fields(List<Field> redirect, String lang, String csrf) {
    }

    /** One hidden field. */
    public record Field(String name, String value) {
    }

    /** A language of the switch, in its own words; {@code href} is null for the one shown. */
    public record Language(String code, String name, @Nullable String href) {
    }

    /** WISPr 1.0's redirect for smart clients (Apple's CNA, some Android): where they are and where to log in or give up. */
    public record Wispr(String location, String locationName, String loginUrl, String abortUrl) {
    }
}
