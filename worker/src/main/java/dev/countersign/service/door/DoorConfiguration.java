package dev.countersign.service.door;

import java.util.List;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The door: what every request meets before the application reads it. The body limit and the
 * parameter check run first ({@link RequestLimitsFilter}); Spring Security's firewall answers
 * through {@link RejectedRequests}; Tomcat's own refusals through {@link ProblemErrorReportValve};
 * the error page through {@link ApiErrorController}. Each answer under {@code /api} is problem+json
 * with the API's security headers.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestLimits.class)
public class DoorConfiguration {

    /** Before everything else that may read the request, Spring Security's filter (-100) included. */
    static final int LIMITS_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    public FilterRegistrationBean<RequestLimitsFilter> requestLimitsFilter(RequestLimits limits) {
        FilterRegistrationBean<RequestLimitsFilter> registration =
                new FilterRegistrationBean<>(new RequestLimitsFilter(limits));
        registration.setOrder(LIMITS_FILTER_ORDER);
        return registration;
    }

    @Bean
    public RejectedRequests rejectedRequests() {
        return new RejectedRequests();
    }

    @Bean
    public ApiErrorController apiErrorController(
            ErrorAttributes errorAttributes, WebProperties web, ObjectProvider<ErrorViewResolver> resolvers) {
        return new ApiErrorController(
                errorAttributes, web.getError(), resolvers.orderedStream().toList());
    }

    /**
     * Tomcat reads at most the limit for a form or a refused body: a form over it fails to parse (413
     * at the door), and after a refusal Tomcat discards at most that much of the rest before it
     * closes the connection. {@code Expect: 100-continue} is answered only when the application reads
     * the body, so a client that asks first never sends a body that is refused. The error report
     * valve Boot installs is replaced by {@link ProblemErrorReportValve}.
     */
    // Unordered, so it runs after Boot's own Tomcat customizer (order 0) and its settings win.
    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> doorTomcatCustomizer(RequestLimits limits) {
        int limit = (int) limits.maxRequestBody().toBytes();
        return new WebServerFactoryCustomizer<>() {
            @Override
            public void customize(TomcatServletWebServerFactory factory) {
                factory.addConnectorCustomizers(connector -> {
                    connector.setMaxPostSize(limit);
                    connector.setProperty("continueResponseTiming", "onRead");
                    if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                        http.setMaxSwallowSize(limit);
                    }
                });
                factory.addContextCustomizers(context -> problemErrorReport(context.getParent()));
            }
        };
    }

    private static void problemErrorReport(Container parent) {
        if (!(parent instanceof StandardHost host)) {
            return;
        }
        List<Valve> reports = List.of(host.getPipeline().getValves()).stream()
                .filter(ErrorReportValve.class::isInstance)
                .toList();
        reports.forEach(host.getPipeline()::removeValve);
        host.getPipeline().addValve(new ProblemErrorReportValve());
        host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
    }
}
