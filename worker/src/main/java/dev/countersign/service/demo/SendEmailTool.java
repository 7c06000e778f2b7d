package dev.countersign.service.demo;

import dev.countersign.activities.tool.ArgumentSchema;
import dev.countersign.activities.tool.ArgumentSpec;
import dev.countersign.activities.tool.Compensation;
import dev.countersign.tool.CompensationRequest;
import dev.countersign.tool.ToolInvocation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code send_email}: puts an email to a customer in the demo outbox, once per idempotency key.
 * Nothing leaves the machine; the ledger shows what would have been sent. Its compensation {@value
 * #CORRECTION} sends the same recipient a correction that withdraws the email, once per its own key.
 */
public final class SendEmailTool extends DemoTool {

    public static final String NAME = "send_email";
    public static final String CORRECTION = "send_correction";

    static final String EMAIL_PATTERN = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    private static final ArgumentSchema SCHEMA = ArgumentSchema.of(properties(), "to", "subject", "body");

    private final JdbcClient jdbc;

    public SendEmailTool(JdbcClient jdbc) {
        super(NAME, "Emails a customer of the shop.", SCHEMA, "external");
        this.jdbc = jdbc;
    }

    private static Map<String, ArgumentSpec> properties() {
        Map<String, ArgumentSpec> properties = new LinkedHashMap<>();
        properties.put(
                "to",
                ArgumentSpec.string("the recipient's email address")
                        .withPattern(EMAIL_PATTERN)
                        .withMaxLength(320));
        properties.put("subject", ArgumentSpec.string("the subject line").withMaxLength(200));
        properties.put("body", ArgumentSpec.string("the text of the email").withMaxLength(5000));
        return properties;
    }

    @Override
    public Map<String, Object> execute(ToolInvocation invocation) {
        ToolArgs args = ToolArgs.checked(invocation, SCHEMA);
        long emailId = IdempotentWrite.once(
                () -> emailWithKey(invocation.idempotencyKey()),
                () -> jdbc.sql("INSERT INTO email_outbox (idempotency_key, task_id, recipient, subject, body)"
                                + " VALUES (:key, :taskId, :to, :subject, :body)")
                        .param("key", invocation.idempotencyKey())
                        .param("taskId", invocation.taskId())
                        .param("to", args.string("to"))
                        .param("subject", args.string("subject"))
                        .param("body", args.string("body"))
                        .update());
        return Map.of("emailId", "EM-" + emailId);
    }

    @Override
    public Compensation compensation() {
        return Compensation.by(CORRECTION, this::correct);
    }

    private Map<String, Object> correct(CompensationRequest request) {
        String recipient = String.valueOf(request.args().get("to"));
        String subject = String.valueOf(request.args().getOrDefault("subject", ""));
        String correctionSubject = Texts.abbreviate("Correction: " + subject, 200);
        long emailId = IdempotentWrite.once(
                () -> emailWithKey(request.idempotencyKey()),
                () -> jdbc.sql("INSERT INTO email_outbox (idempotency_key, task_id, recipient, subject, body)"
                                + " VALUES (:key, :taskId, :to, :subject, :body)")
                        .param("key", request.idempotencyKey())
                        .param("taskId", request.taskId())
                        .param("to", recipient)
                        .param("subject", correctionSubject)
                        .param(
                                "body",
                                "Please disregard our previous email (\"" + Texts.abbreviate(subject, 150)
                                        + "\"): it was sent in error and a reviewer has withdrawn it.")
                        .update());
        return Map.of(
                "emailId",
                "EM-" + emailId,
                "corrects",
                String.valueOf(request.result().get("emailId")));
    }

    private Optional<Long> emailWithKey(String idempotencyKey) {
        return jdbc.sql("SELECT id FROM email_outbox WHERE idempotency_key = :key")
                .param("key", idempotencyKey)
                .query(Long.class)
                .optional();
    }
}
