package dev.countersign.activities.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookTargetTest {

    private static final String SECRET = "do-not-print-me";

    @Test
    void labelIsTheGroupAndTheUrlWithoutUserInfoQueryOrFragment() {
        WebhookTarget target = new WebhookTarget(
                "finance",
                URI.create("https://bot:pw@hooks.example.com:8443/countersign/in?token=abc#x"),
                WebhookFormat.GENERIC,
                SECRET);

        assertThat(target.label()).isEqualTo("finance https://hooks.example.com:8443/countersign/in");
    }

    @Test
    void slackCredentialInTheLastPathSegmentIsMasked() {
        WebhookTarget target = new WebhookTarget(
                "finance",
                URI.create("https://hooks.slack.com/services/T0001/B0002/XXXXXXXXXXXXXXXX"),
                WebhookFormat.SLACK,
                SECRET);

        assertThat(target.label()).isEqualTo("finance https://hooks.slack.com/services/T0001/B0002/***");
    }

    @Test
    void toStringShowsNeitherTheSecretNorASlackCredential() {
        WebhookTarget target = new WebhookTarget(
                "finance", URI.create("https://hooks.slack.com/services/T1/B2/XYZ"), WebhookFormat.SLACK, SECRET);

        assertThat(target.toString()).doesNotContain(SECRET, "XYZ");
    }

    @Test
    void formatDefaultsToGeneric() {
        assertThat(new WebhookTarget("finance", URI.create("http://localhost/hook"), null, SECRET).format())
                .isEqualTo(WebhookFormat.GENERIC);
    }

    @Test
    void targetNeedsAGroupAnHttpUrlAndASecret() {
        URI url = URI.create("https://hooks.example.com/in");

        assertThatThrownBy(() -> new WebhookTarget(" ", url, WebhookFormat.GENERIC, SECRET))
                .hasMessageContaining("reviewer group");
        assertThatThrownBy(() -> new WebhookTarget("finance", URI.create("ftp://hooks.example.com/in"), null, SECRET))
                .hasMessageContaining("http or https");
        assertThatThrownBy(() -> new WebhookTarget("finance", URI.create("/relative"), null, SECRET))
                .hasMessageContaining("http or https");
        assertThatThrownBy(() -> new WebhookTarget("finance", url, null, "")).hasMessageContaining("secret");
    }

    @Test
    void twoTargetsWithTheSameLabelAreRefused() {
        WebhookTarget first = new WebhookTarget("finance", URI.create("https://h.example.com/in?a=1"), null, "k1");
        WebhookTarget second = new WebhookTarget("finance", URI.create("https://h.example.com/in?a=2"), null, "k2");

        assertThatThrownBy(() -> new WebhookNotificationActivities(
                        List.of(first, second),
                        URI.create("http://127.0.0.1:8080"),
                        Duration.ofSeconds(1),
                        HttpClient.newHttpClient()))
                .hasMessageContaining("finance https://h.example.com/in");
    }
}
