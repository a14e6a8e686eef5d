package dev.solo.store;

import dev.solo.metrics.Estimate;
import dev.solo.metrics.VariantScore;
import java.util.List;

final class SqlitePromptVariants implements PromptVariants {
    private final Database database;

    SqlitePromptVariants(Database database) {
        this.database = database;
    }

    @Override
    public void save(int round, List<VariantScore> scores) {
        database.write("save prompt optimization's results", connection -> {
            Sql.execute(connection, "DELETE FROM prompt_variants WHERE round = ?", round);
            for (int position = 0; position < scores.size(); position++) {
                VariantScore row = scores.get(position);
                Sql.execute(connection, """
                        INSERT INTO prompt_variants(round, position, variant, description, metric, score, score_low,
                                                    score_high, score_basis, calls, cost_usd, selected)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", round, position, row.variant(), row.description(),
                        row.metric(), row.score().value(), row.score().low(), row.score().high(), row.score().basis(),
                        row.calls(), row.costUsd(), row.selected() ? 1 : 0);
            }
            return null;
        });
    }

    @Override
    public List<VariantScore> latest() {
        return database.read("read prompt optimization's results", connection -> Sql.list(connection, """
                SELECT variant, description, metric, score, score_low, score_high, score_basis, calls, cost_usd, selected
                FROM prompt_variants WHERE round = (SELECT max(round) FROM prompt_variants) ORDER BY position""",
                result -> new VariantScore(result.getString(1), result.getString(2), result.getString(3),
                        new Estimate(result.getDouble(4), result.getDouble(5), result.getDouble(6), result.getString(7)),
                        result.getLong(8), result.getDouble(9), result.getInt(10) == 1)));
    }
}
