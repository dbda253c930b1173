package io.steppe.radius.packet;

import java.util.Map;

/** Why access is refused, with the Reply-Message in each of the portal's languages. */
public enum RejectReason {
    UNKNOWN_USER(Map.of(
            "zh", "用户名或密码错误",
            "en", "Unknown user or wrong password",
            "mn", "Хэрэглэгчийн нэр эсвэл нууц үг буруу",
            "ru", "Неверное имя пользователя или пароль")),
    CREDENTIAL_USED(Map.of(
            "zh", "登录凭证已使用，请重新登录",
            "en", "This login was already used; please log in again",
            "mn", "Энэ нэвтрэлт аль хэдийн ашиглагдсан; дахин нэвтэрнэ үү",
            "ru", "Этот вход уже использован; войдите снова")),
    CREDENTIAL_EXPIRED(Map.of(
            "zh", "登录凭证已过期，请重新登录",
            "en", "This login has expired; please log in again",
            "mn", "Нэвтрэлтийн хугацаа дууссан; дахин нэвтэрнэ үү",
            "ru", "Срок входа истёк; войдите снова")),
    WRONG_DEVICE(Map.of(
            "zh", "该登录凭证不属于此设备",
            "en", "This login belongs to another device",
            "mn", "Энэ нэвтрэлт өөр төхөөрөмжийнх",
            "ru", "Этот вход принадлежит другому устройству")),
    VOUCHER_EXPIRED(Map.of(
            "zh", "上网券已过期",
            "en", "This voucher has expired",
            "mn", "Энэ эрхийн бичгийн хугацаа дууссан",
            "ru", "Срок действия ваучера истёк")),
    /** The voucher was revoked on the console (its sheet was lost or handed out wrongly). */
    VOUCHER_REVOKED(Map.of(
            "zh", "上网券已作废",
            "en", "This voucher has been revoked",
            "mn", "Энэ эрхийн бичгийг хүчингүй болгосон",
            "ru", "Ваучер аннулирован")),
    VOUCHER_DEVICE_LIMIT(Map.of(
            "zh", "上网券已在允许的设备数上使用",
            "en", "This voucher is already in use on as many devices as it allows",
            "mn", "Энэ эрхийн бичиг зөвшөөрөгдсөн бүх төхөөрөмж дээр ашиглагдаж байна",
            "ru", "Ваучер уже используется на максимальном числе устройств")),
    QUOTA_EXHAUSTED(Map.of(
            "zh", "今日免费上网额度已用完",
            "en", "Today's free allowance is used up",
            "mn", "Өнөөдрийн үнэгүй эрх дууссан",
            "ru", "Бесплатный лимит на сегодня исчерпан")),
    TOO_MANY_DEVICES(Map.of(
            "zh", "同时在线的设备过多",
            "en", "Too many devices are online at once",
            "mn", "Нэг дор хэт олон төхөөрөмж холбогдсон байна",
            "ru", "Слишком много устройств в сети одновременно")),
    DEVICE_NOT_REMEMBERED(Map.of(
            "zh", "请通过登录页面登录",
            "en", "Please log in on the login page",
            "mn", "Нэвтрэх хуудсаар нэвтэрнэ үү",
            "ru", "Пожалуйста, войдите на странице входа"));

    private final Map<String, String> messages;

    RejectReason(Map<String, String> messages) {
        this.messages = messages;
    }

    /** The message in {@code language} (zh, en, mn, ru), Chinese when unknown. */
    public String message(String language) {
        return messages.getOrDefault(language == null ? "zh" : language, messages.get("zh"));
    }
}
