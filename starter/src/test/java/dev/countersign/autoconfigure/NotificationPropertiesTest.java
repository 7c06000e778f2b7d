package dev.countersign.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.activities.notify.WebhookFormat;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class NotificationPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(NotificationProperties.class)
    static class Config {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Config.class);

    private static final String HOOK = "countersign.notifications.webhooks[0].";

    @Test
    void defaultsNeedNoConfiguration() {
        runner.run(context -> {
            NotificationProperties properties = context.getBean(NotificationProperties.class);
            assertThat(properties.webhooks()).isEmpty();
            assertThat(properties.consoleUrl()).isEqualTo(URI.create("http://127.0.0.1:8080"));
            assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(10));
        });
    }

    @Test
    void webhooksBindWithTheirFormatAndBecomeTargets() {
        runner.withPropertyValues(
                        HOOK + "group=finance",
                        HOOK + "url=https://hooks.slack.com/services/T1/B2/XYZ",
                        HOOK + "format=slack",
                        HOOK + "secret=s3cr3t",
                        "countersign.notifications.webhooks[1].group=support",
                        "countersign.notifications.webhooks[1].url=http://10.0.0.5:9000/countersign",
                        "countersign.notifications.webhooks[1].secret=other",
                        "countersign.notifications.console-url=https://countersign.example.com",
                        "countersign.notifications.timeout=PT5S")
                .run(context -> {
                    NotificationProperties properties = context.getBean(NotificationProperties.class);
                    assertThat(properties.targets()).hasSize(2);
                    assertThat(properties.targets().get(0).format()).isEqualTo(WebhookFormat.SLACK);
                    assertThat(properties.targets().get(1).format()).isEqualTo(WebhookFormat.GENERIC);
                    assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(properties.toString()).doesNotContain("s3cr3t", "other", "XYZ");
                });
    }

    private void refused(String message, String... properties) {
        runner.withPropertyValues(properties)
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining(message));
    }

    @Test
    void urlMustBeHttpOrHttps() {
        refused(
                HOOK + "url must be an absolute http or https URL",
                HOOK + "group=finance",
                HOOK + "url=ftp://files.example.com/in",
                HOOK + "secret=k");
    }

    @Test
    void secretIsRequired() {
        refused(HOOK + "secret must be set", HOOK + "group=finance", HOOK + "url=https://h.example.com/in");
        refused(
                HOOK + "secret must be set",
                HOOK + "group=finance",
                HOOK + "url=https://h.example.com/in",
                HOOK + "secret= ");
    }

    @Test
    void groupIsRequired() {
        refused(HOOK + "group must name", HOOK + "url=https://h.example.com/in", HOOK + "secret=k");
    }

    @Test
    void sameGroupAndUrlTwiceIsRefused() {
        refused(
                "countersign.notifications.webhooks[1] repeats",
                HOOK + "group=finance",
                HOOK + "url=https://h.example.com/in",
                HOOK + "secret=k",
                "countersign.notifications.webhooks[1].group=finance",
                "countersign.notifications.webhooks[1].url=https://h.example.com/in",
                "countersign.notifications.webhooks[1].secret=k2");
    }

    @Test
    void consoleUrlMustBeHttp() {
        refused("countersign.notifications.console-url", "countersign.notifications.console-url=console.local");
    }

    @Test
    void timeoutMustFitTheActivityTimeout() {
        refused("countersign.notifications.timeout", "countersign.notifications.timeout=PT30S");
        refused("countersign.notifications.timeout", "countersign.notifications.timeout=PT0S");
    }

    @Test
    void withoutCallbackHostsNoCallbackUrlIsAllowed() {
        runner.run(context -> {
            NotificationProperties properties = context.getBean(NotificationProperties.class);
            assertThat(properties.callbacks().hosts()).isEmpty();
            assertThat(properties.callbacks().allows(URI.create("http://127.0.0.1:8080/cb")))
                    .isFalse();
        });
    }

    @Test
    void callbackHostsBindAsAListAndAllowOnlyThoseHosts() {
        runner.withPropertyValues(
                        "countersign.notifications.callbacks.hosts=agent.example.com,hooks.example.com:8443",
                        "countersign.notifications.callbacks.secret=cb-s3cr3t")
                .run(context -> {
                    NotificationProperties properties = context.getBean(NotificationProperties.class);
                    assertThat(properties.callbacks().hosts())
                            .containsExactly("agent.example.com", "hooks.example.com:8443");
                    assertThat(properties.callbacks().allows(URI.create("https://agent.example.com/cb")))
                            .isTrue();
                    assertThat(properties.callbacks().allows(URI.create("https://hooks.example.com/cb")))
                            .isFalse();
                    assertThat(properties.toString()).doesNotContain("cb-s3cr3t");
                });
    }

    @Test
    void callbackHostsNeedASecret() {
        refused(
                "countersign.notifications.callbacks.secret must be set",
                "countersign.notifications.callbacks.hosts=agent.example.com");
    }

    @Test
    void aCallbackHostIsAHostNotAUrl() {
        refused(
                NotificationProperties.CALLBACK_HOSTS + "[0] must be a host name or host:port",
                "countersign.notifications.callbacks.hosts=https://agent.example.com/cb",
                "countersign.notifications.callbacks.secret=k");
    }
}
