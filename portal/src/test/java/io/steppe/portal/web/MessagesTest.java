package io.steppe.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.portal.login.VoucherLogin;
import io.steppe.portal.sms.MobileNumbers;
import io.steppe.portal.sms.SmsLogin;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MessagesTest {

    static Properties bundle(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/io/steppe/portal/messages" + suffix + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyKeyIsInEveryLanguageAndNoneIsEmpty() throws IOException {
        Set<String> all = new TreeSet<>(bundle("").stringPropertyNames());
        for (String language : Messages.LANGUAGES) {
            all.addAll(bundle("_" + language).stringPropertyNames());
        }
        for (String suffix : new String[] {"", "_zh", "_en", "_mn", "_ru"}) {
            Properties p = bundle(suffix);
            Set<String> missing = new TreeSet<>(all);
            missing.removeAll(p.stringPropertyNames());
            assertEquals(Set.of(), missing, "missing in messages" + suffix);
            p.forEach((k, v) -> assertFalse(v.toString().isBlank(), k + " is empty in messages" + suffix));
        }
    }

    @Test
    void everyRefusalHasWordsInEveryLanguage() {
        List<String> keys = new ArrayList<>();
        for (VoucherLogin.Problem p : VoucherLogin.Problem.values()) {
            keys.add(LoginRefusals.voucher(p));
        }
        for (SmsLogin.Sending s : SmsLogin.Sending.values()) {
            keys.add(LoginRefusals.sending(s));
        }
        for (SmsLogin.Checked.Reason r : SmsLogin.Checked.Reason.values()) {
            keys.add(LoginRefusals.code(r));
        }
        for (MobileNumbers.Refusal r : MobileNumbers.Refusal.values()) {
            keys.add(LoginRefusals.phone(r));
        }
        keys.add(LoginRefusals.gatewayFailure(Optional.of("reject")));
        keys.add(LoginRefusals.gatewayFailure(Optional.of("other")));
        for (String language : Messages.LANGUAGES) {
            Messages m = Messages.choose(Optional.of(language), Optional.empty());
            for (String key : keys) {
                String text = m.get(key, "1 min");
                assertFalse(text.isBlank() || text.contains("{"), language + " " + key + ": " + text);
            }
        }
        assertTrue(!LoginRefusals.gatewayFailure(Optional.of("reject")).equals(LoginRefusals.gatewayFailure(Optional.of("timeout"))));
    }
}
