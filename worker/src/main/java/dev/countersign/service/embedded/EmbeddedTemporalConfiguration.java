package dev.countersign.service.embedded;

import java.util.Arrays;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded Temporal server unless TEMPORAL_ADDRESS is set or it is switched off, before
 * the Temporal client's service stubs are created, and stops it after everything that uses it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("${countersign.embedded-temporal.enabled:true} and '${TEMPORAL_ADDRESS:}'.isEmpty()")
public class EmbeddedTemporalConfiguration {

    static final String BEAN_NAME = "countersignEmbeddedTemporal";
    private static final String[] TEMPORAL_CLIENT_BEANS = {
        "temporalServiceStubsTemplate", "temporalWorkflowServiceStubs"
    };

    @Bean(name = BEAN_NAME, destroyMethod = "close")
    public EmbeddedTemporalServer countersignEmbeddedTemporal(EmbeddedTemporalProperties properties) {
        return EmbeddedTemporalServer.start(properties.port());
    }

    @Bean
    static BeanFactoryPostProcessor temporalClientNeedsEmbeddedServer() {
        return beanFactory -> {
            for (String name : TEMPORAL_CLIENT_BEANS) {
                if (beanFactory.containsBeanDefinition(name)) {
                    BeanDefinition definition = beanFactory.getBeanDefinition(name);
                    String[] dependsOn = definition.getDependsOn() == null ? new String[0] : definition.getDependsOn();
                    String[] extended = Arrays.copyOf(dependsOn, dependsOn.length + 1);
                    extended[dependsOn.length] = BEAN_NAME;
                    definition.setDependsOn(extended);
                }
            }
        };
    }
}
