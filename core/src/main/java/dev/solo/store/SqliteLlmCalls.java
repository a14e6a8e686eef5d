package dev.solo.store;

import dev.solo.labeler.llm.LlmCall;
import dev.solo.labeler.llm.LlmCallLog;
import dev.solo.labeler.llm.LlmUsage;
import java.util.Optional;

final class SqliteLlmCalls implements LlmCallLog {
    private final Database database;

    SqliteLlmCalls(Database database) {
        this.database = database;
    }

    @Override
    public Optional<String> cachedResponse(String key) {
        return database.read("read the response cache", connection ->
                Sql.one(connection, "SELECT response FROM llm_cache WHERE key = ?", result -> result.getString(1), key));
    }

    @Override
    public void saveCall(LlmCall call, String key, String response) {
        database.write("record an LLM call", connection -> {
            Sql.execute(connection, """
                    INSERT INTO llm_calls(provider, model, input_tokens, output_tokens, cost_usd, from_cache, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""",
                    call.provider(), call.model(), call.inputTokens(), call.outputTokens(), call.costUsd(),
                    call.fromCache() ? 1 : 0, call.createdAt().toEpochMilli());
            if (response != null) {
                Sql.execute(connection, """
                        INSERT OR REPLACE INTO llm_cache(key, provider, model, response, created_at)
                        VALUES (?, ?, ?, ?, ?)""",
                        key, call.provider(), call.model(), response, call.createdAt().toEpochMilli());
            }
            return null;
        });
    }

    @Override
    public LlmUsage usage() {
        return database.read("read the LLM usage", connection -> Sql.one(connection, """
                SELECT count(*), coalesce(sum(from_cache), 0), coalesce(sum(input_tokens), 0),
                       coalesce(sum(output_tokens), 0), coalesce(sum(cost_usd), 0)
                FROM llm_calls""",
                result -> new LlmUsage(result.getLong(1), result.getLong(2), result.getLong(3), result.getLong(4),
                        result.getDouble(5))).orElse(LlmUsage.NONE));
    }
}
