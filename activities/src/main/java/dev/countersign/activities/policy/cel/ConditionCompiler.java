package dev.countersign.activities.policy.cel;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelBuilder;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelSourceLocation;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Compiles {@code when} expressions against the declared {@link ConditionVariables}. Numbers of
 * different kinds compare by value ({@code args.amount <= 10} holds for 5 and for 5.0).
 */
public final class ConditionCompiler {

    /** Parts of CEL's messages that say nothing to a policy author: the container, the overload list. */
    private static final Pattern NOISE = Pattern.compile(" \\(in container ''\\)| \\(candidates: .*\\)$");

    private static final Cel CEL = build();

    private ConditionCompiler() {}

    private static Cel build() {
        CelBuilder builder = CelFactory.standardCelBuilder()
                .setOptions(CelOptions.current()
                        .enableHeterogeneousNumericComparisons(true)
                        .build())
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS);
        ConditionVariables.DECLARATIONS.forEach(builder::addVar);
        return builder.build();
    }

    public static Condition compile(String expression, String ruleName) throws InvalidConditionException {
        CelValidationResult result = CEL.compile(expression, ruleName);
        if (result.hasError()) {
            throw invalid(result, expression);
        }
        CelAbstractSyntaxTree ast;
        try {
            ast = result.getAst();
        } catch (CelValidationException e) {
            throw new InvalidConditionException(e.getMessage(), 1);
        }
        CelType type = ast.getResultType();
        if (!SimpleType.BOOL.equals(type)) {
            String hint = SimpleType.DYN.equals(type) ? "; compare explicitly, for example args.urgent == true" : "";
            throw new InvalidConditionException("it must be true or false, but its type is " + type.name() + hint, 1);
        }
        try {
            return new Condition(expression, CEL.createProgram(ast));
        } catch (CelEvaluationException e) {
            throw new InvalidConditionException(e.getMessage(), 1);
        }
    }

    private static InvalidConditionException invalid(CelValidationResult result, String expression) {
        List<String> lines = expression.lines().toList();
        String messages =
                result.getErrors().stream().map(issue -> describe(issue, lines)).collect(Collectors.joining("; "));
        int line = result.getErrors().get(0).getSourceLocation().getLine();
        return new InvalidConditionException(messages, Math.max(line, 1));
    }

    private static String describe(CelIssue issue, List<String> lines) {
        String message = NOISE.matcher(issue.getMessage()).replaceAll("");
        CelSourceLocation location = issue.getSourceLocation();
        if (location.getLine() < 1 || location.getLine() > lines.size()) {
            return message;
        }
        return message + " at column " + (location.getColumn() + 1) + " of `"
                + lines.get(location.getLine() - 1).strip() + "`";
    }
}
