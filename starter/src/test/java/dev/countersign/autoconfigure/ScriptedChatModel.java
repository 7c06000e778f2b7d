package dev.countersign.autoconfigure;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;

/**
 * A Spring AI ChatModel as a provider's starter makes one (Anthropic's, Google's), answering from a
 * script and keeping every prompt it was sent; its options take tool definitions, as providers' do.
 */
final class ScriptedChatModel implements ChatModel {

    final List<Prompt> prompts = new CopyOnWriteArrayList<>();
    private final Deque<AssistantMessage> replies = new ArrayDeque<>();

    ScriptedChatModel call(String tool, String id, String arguments) {
        replies.add(AssistantMessage.builder()
                .content("")
                .toolCalls(List.of(new AssistantMessage.ToolCall(id, "function", tool, arguments)))
                .build());
        return this;
    }

    ScriptedChatModel text(String text) {
        replies.add(new AssistantMessage(text));
        return this;
    }

    @Override
    public synchronized ChatResponse call(Prompt prompt) {
        prompts.add(prompt);
        AssistantMessage next = replies.isEmpty() ? new AssistantMessage("nothing more to do") : replies.poll();
        return new ChatResponse(List.of(new Generation(next)));
    }

    @Override
    public ChatOptions getOptions() {
        return ToolCallingChatOptions.builder().build();
    }
}
