package dev.solo.store;

import dev.solo.human.HumanExample;
import dev.solo.human.HumanLabel;
import dev.solo.workflow.Phase;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

final class SqliteHumanAnswers implements HumanAnswers {
    private final Database database;
    private final Clock clock;

    SqliteHumanAnswers(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public void saveLabel(HumanLabel label) {
        database.write("save a human label", connection -> Sql.execute(connection, """
                INSERT INTO human_events(item_id, schema_name, kind, value, phase, round, annotator, created_at,
                                         answer_millis, pool, setup_version)
                VALUES (?, ?, 'label', ?, ?, ?, ?, ?, ?, ?, ?)""",
                label.itemId(), label.schemaName(), label.value(), label.phase().number(), label.round(),
                label.annotator(), label.createdAt().toEpochMilli(), label.answerMillis(), label.pool(),
                label.setupVersion()));
    }

    @Override
    public void saveSkip(String itemId, String schemaName, Phase phase, int round, String annotator) {
        database.write("save a skip", connection -> Sql.execute(connection, """
                INSERT INTO human_events(item_id, schema_name, kind, phase, round, annotator, created_at)
                VALUES (?, ?, 'skip', ?, ?, ?, ?)""",
                itemId, schemaName, phase.number(), round, annotator, clock.millis()));
    }

    @Override
    public Optional<String> undoLatest(Phase phase, int round) {
        return database.write("take back an answer", connection -> {
            Optional<Object[]> latest = Sql.one(connection, """
                    SELECT seq, item_id, schema_name, annotator FROM answers_in_force
                    WHERE phase = ? AND round = ? ORDER BY seq DESC LIMIT 1""",
                    result -> new Object[] {result.getLong(1), result.getString(2), result.getString(3),
                            result.getString(4)},
                    phase.number(), round);
            if (latest.isPresent()) {
                Object[] row = latest.get();
                Sql.execute(connection, """
                        INSERT INTO human_events(item_id, schema_name, kind, retracts, phase, round, annotator, created_at)
                        VALUES (?, ?, 'retract', ?, ?, ?, ?, ?)""",
                        row[1], row[2], row[0], phase.number(), round, row[3], clock.millis());
            }
            return latest.map(row -> (String) row[1]);
        });
    }

    @Override
    public Set<String> answeredItems(Phase phase, int round) {
        return itemSet("SELECT item_id FROM answers_in_force WHERE phase = ? AND round = ?", phase, round);
    }

    @Override
    public Set<String> labeledItems(Phase phase, int round) {
        return itemSet("SELECT item_id FROM answers_in_force WHERE kind = 'label' AND phase = ? AND round = ?", phase,
                round);
    }

    private Set<String> itemSet(String sql, Phase phase, int round) {
        return database.read("read the answers", connection ->
                new HashSet<>(Sql.list(connection, sql, result -> result.getString(1), phase.number(), round)));
    }

    @Override
    public int labelCount(Phase phase, int round) {
        return database.read("count the labels", connection -> Sql.one(connection,
                "SELECT count(*) FROM answers_in_force WHERE kind = 'label' AND phase = ? AND round = ?",
                result -> result.getInt(1), phase.number(), round).orElse(0));
    }

    @Override
    public long labeledItemCount() {
        return database.read("count the labels", connection -> Sql.one(connection,
                "SELECT count(DISTINCT item_id) FROM human_labels_in_force", result -> result.getLong(1)).orElse(0L));
    }

    @Override
    public Map<Phase, Long> labelsByPhase() {
        return database.read("count the labels", connection -> {
            Map<Phase, Long> counts = new EnumMap<>(Phase.class);
            Sql.each(connection, "SELECT phase, count(*) FROM answers_in_force WHERE kind = 'label' GROUP BY phase",
                    result -> Map.entry(Phase.numbered(result.getInt(1)), result.getLong(2)),
                    entry -> counts.put(entry.getKey(), entry.getValue()));
            return counts;
        });
    }

    @Override
    public long answerMillis() {
        return database.read("read the answers", connection -> Sql.one(connection,
                "SELECT coalesce(sum(answer_millis), 0) FROM answers_in_force", result -> result.getLong(1)).orElse(0L));
    }

    @Override
    public List<HumanExample> examples(String schemaName) {
        return database.read("read the human labels", connection -> Sql.list(connection,
                "SELECT item_id, value FROM human_labels_in_force WHERE schema_name = ? ORDER BY seq",
                result -> new HumanExample(result.getString(1), result.getString(2)), schemaName));
    }

    @Override
    public List<HumanExample> examplesFromPool(String schemaName, String pool) {
        return database.read("read the human labels", connection -> Sql.list(connection,
                "SELECT item_id, value FROM human_labels_in_force WHERE schema_name = ? AND pool = ? ORDER BY seq",
                result -> new HumanExample(result.getString(1), result.getString(2)), schemaName, pool));
    }
}
