package dev.countersign.autoconfigure;

import dev.countersign.task.TaskSearchAttributes;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.common.SearchAttributeKey;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Registers Countersign's search attributes on the namespace once every bean is created, before the
 * worker starts polling (lifecycle beans start after this callback). Where the server refuses
 * (Temporal Cloud registers them through its own control plane) and they are missing, the start
 * stops with the command that registers them: a task whose attributes are not registered could
 * never record its state.
 */
public class SearchAttributeRegistrar implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SearchAttributeRegistrar.class);

    private final WorkflowClient client;

    public SearchAttributeRegistrar(WorkflowClient client) {
        this.client = client;
    }

    @Override
    public void afterSingletonsInstantiated() {
        register();
    }

    public void register() {
        String namespace = client.getOptions().getNamespace();
        // The workflow stubs' options carry the API key, headers and interceptors; the operator
        // calls need them too (Temporal Cloud refuses unauthenticated calls).
        OperatorServiceStubs operator = OperatorServiceStubs.newServiceStubs(OperatorServiceStubsOptions.newBuilder(
                        client.getWorkflowServiceStubs().getOptions())
                .setTarget(null)
                .setChannel(client.getWorkflowServiceStubs().getRawChannel())
                .validateAndBuildWithDefaults());
        List<String> refused = new ArrayList<>();
        for (SearchAttributeKey<?> key : TaskSearchAttributes.ALL) {
            try {
                operator.blockingStub()
                        .addSearchAttributes(AddSearchAttributesRequest.newBuilder()
                                .setNamespace(namespace)
                                .putSearchAttributes(key.getName(), key.getValueType())
                                .build());
                log.info(
                        "registered search attribute {} ({}) on namespace {}",
                        key.getName(),
                        key.getValueType(),
                        namespace);
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
                    refused.add(key.getName() + " (" + e.getStatus().getCode()
                            + (e.getStatus().getDescription() == null
                                    ? ""
                                    : ": " + e.getStatus().getDescription())
                            + ")");
                }
            }
        }
        if (!refused.isEmpty() && !allRegistered(operator, namespace)) {
            throw new IllegalStateException("Countersign's search attributes are not registered on namespace '"
                    + namespace + "' and the server refused to register " + refused
                    + ". Register them once, for example: " + commands()
                    + " (on Temporal Cloud: tcld namespace search-attributes add)");
        }
    }

    private static boolean allRegistered(OperatorServiceStubs operator, String namespace) {
        try {
            Set<String> known = operator.blockingStub()
                    .listSearchAttributes(ListSearchAttributesRequest.newBuilder()
                            .setNamespace(namespace)
                            .build())
                    .getCustomAttributesMap()
                    .keySet();
            return TaskSearchAttributes.ALL.stream().allMatch(key -> known.contains(key.getName()));
        } catch (StatusRuntimeException e) {
            return false;
        }
    }

    static String commands() {
        return String.join(
                "; ",
                TaskSearchAttributes.ALL.stream()
                        .map(key -> "temporal operator search-attribute create --name " + key.getName() + " --type "
                                + typeName(key))
                        .toList());
    }

    private static String typeName(SearchAttributeKey<?> key) {
        return switch (key.getValueType()) {
            case INDEXED_VALUE_TYPE_KEYWORD_LIST -> "KeywordList";
            case INDEXED_VALUE_TYPE_KEYWORD -> "Keyword";
            default -> key.getValueType().name();
        };
    }
}
