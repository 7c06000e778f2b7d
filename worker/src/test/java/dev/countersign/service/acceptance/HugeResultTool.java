package dev.countersign.service.acceptance;

import dev.countersign.activities.tool.ArgumentSchema;
import dev.countersign.activities.tool.Compensation;
import dev.countersign.activities.tool.Tool;
import dev.countersign.tool.ToolInvocation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The demo's {@code lookup_order} with one difference: looking up order {@value #ORDER} returns about
 * 3 MB (a careless tool, or a hostile shop), more than Temporal's payload limit would let through
 * if Countersign passed it on whole. Every other order goes to the demo's tool. {@link Wiring} puts
 * it in place of the demo's tool; {@link AcceptanceTest} imports it, so any acceptance test can
 * start a support task for order {@value #ORDER} through the API.
 */
final class HugeResultTool implements Tool {

    /** The order whose lookup returns about 3 MB. */
    static final String ORDER = "HUGE-3MB";

    static final int RESULT_BYTES = 3 * 1024 * 1024;

    private final Tool lookup;

    HugeResultTool(Tool lookup) {
        this.lookup = lookup;
    }

    @Override
    public String name() {
        return lookup.name();
    }

    @Override
    public ArgumentSchema schema() {
        return lookup.schema();
    }

    @Override
    public List<String> tags() {
        return lookup.tags();
    }

    @Override
    public Compensation compensation() {
        return lookup.compensation();
    }

    @Override
    public Map<String, Object> execute(ToolInvocation invocation) {
        if (!ORDER.equals(invocation.args().get("orderId"))) {
            return lookup.execute(invocation);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("orderId", ORDER);
        result.put("found", true);
        result.put("history", "line of order history; ".repeat(RESULT_BYTES / 23));
        return result;
    }

    /** Replaces the demo's {@code lookup_order} bean with a {@link HugeResultTool} around it. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Wiring {

        @Bean
        static BeanPostProcessor hugeLookupResults() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof Tool tool && tool.name().equals("lookup_order")
                            ? new HugeResultTool(tool)
                            : bean;
                }
            };
        }
    }
}
