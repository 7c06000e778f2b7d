package dev.countersign.autoconfigure;

import dev.countersign.activities.tool.Tool;
import dev.countersign.activities.tool.spring.ToolMethods;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * The Spring AI {@code @Tool} methods of the application's beans, as Countersign tools. A bean's type
 * is read without creating it; only beans that have such a method are created here.
 */
final class ToolMethodBeans {

    private ToolMethodBeans() {}

    static List<Tool> in(ListableBeanFactory beans) {
        List<Tool> tools = new ArrayList<>();
        for (String name : beans.getBeanNamesForType(Object.class, false, false)) {
            Class<?> type = beans.getType(name, false);
            if (type != null && ToolMethods.declaredOn(type)) {
                tools.addAll(ToolMethods.on(beans.getBean(name)));
            }
        }
        return tools;
    }
}
