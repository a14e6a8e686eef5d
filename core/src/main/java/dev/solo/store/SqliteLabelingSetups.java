package dev.solo.store;

import dev.solo.guidelines.GuidelineReview;
import dev.solo.guidelines.KeywordRule;
import dev.solo.label.LabelingSetup;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

final class SqliteLabelingSetups implements LabelingSetups {
    private static final String COLUMNS =
            "version, guidelines, prompt_variant, enabled_functions, author, reason, created_at";

    private final Database database;

    SqliteLabelingSetups(Database database) {
        this.database = database;
    }

    @Override
    public Optional<LabelingSetup> latest() {
        return database.read("read the labeling setup", SqliteLabelingSetups::latest);
    }

    private static Optional<LabelingSetup> latest(Connection connection) throws SQLException {
        return Sql.one(connection, "SELECT " + COLUMNS + " FROM labeling_setups ORDER BY version DESC LIMIT 1",
                SqliteLabelingSetups::read);
    }

    @Override
    public LabelingSetup saveFirst(LabelingSetup first) {
        if (first.version() != 1) {
            throw new IllegalArgumentException("the first labeling setup is version 1, not " + first.version());
        }
        return database.write("save the labeling setup", connection -> {
            Optional<LabelingSetup> stored = latest(connection);
            if (stored.isPresent()) {
                return stored.get();
            }
            insert(connection, first);
            return first;
        });
    }

    @Override
    public void save(LabelingSetup next) {
        database.write("save the labeling setup", connection -> {
            insertNext(connection, next);
            return null;
        });
    }

    @Override
    public List<LabelingSetup> history() {
        return database.read("read the labeling setups", connection -> Sql.list(connection,
                "SELECT " + COLUMNS + " FROM labeling_setups ORDER BY version", SqliteLabelingSetups::read));
    }

    @Override
    public void saveReview(GuidelineReview review, Optional<LabelingSetup> next, List<KeywordRule> rules) {
        database.write("save the guideline review", connection -> {
            if (next.isPresent()) {
                insertNext(connection, next.get());
                for (KeywordRule rule : rules) {
                    Sql.execute(connection, """
                            INSERT INTO guideline_rules(setup_version, label, instead_of, terms) VALUES (?, ?, ?, ?)""",
                            next.get().version(), rule.label(), rule.insteadOf(), String.join("\n", rule.terms()));
                }
            }
            Sql.execute(connection, """
                    INSERT OR REPLACE INTO guideline_reviews(round, decided_by, proposed, approved, edited, added,
                                                             resulting_version, decided_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                    review.round(), review.decidedBy(), review.proposed(), review.approved(), review.edited(),
                    review.added(), review.resultingVersion(), review.decidedAt().toEpochMilli());
            return null;
        });
    }

    @Override
    public Optional<GuidelineReview> review(int round) {
        return database.read("read the guideline reviews", connection -> Sql.one(connection, """
                SELECT round, decided_by, proposed, approved, edited, added, resulting_version, decided_at
                FROM guideline_reviews WHERE round = ?""",
                result -> new GuidelineReview(result.getInt(1), result.getString(2), result.getInt(3), result.getInt(4),
                        result.getInt(5), result.getInt(6), result.getInt(7), Instant.ofEpochMilli(result.getLong(8))),
                round));
    }

    @Override
    public List<KeywordRule> rules() {
        return database.read("read the guideline rules", connection -> Sql.list(connection,
                "SELECT terms, label, instead_of FROM guideline_rules ORDER BY seq",
                result -> new KeywordRule(Arrays.asList(result.getString(1).split("\n")), result.getString(2),
                        result.getString(3))));
    }

    /** Inserts the version after the current one; any other number is refused. */
    private static void insertNext(Connection connection, LabelingSetup next) throws SQLException {
        int current = latest(connection).map(LabelingSetup::version).orElse(0);
        if (next.version() != current + 1) {
            throw new IllegalArgumentException("labeling setup version " + next.version() + " does not follow "
                    + current);
        }
        insert(connection, next);
    }

    private static void insert(Connection connection, LabelingSetup setup) throws SQLException {
        Sql.execute(connection, "INSERT INTO labeling_setups(" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                setup.version(), setup.guidelines(), setup.promptVariant(), String.join("\n", setup.enabledFunctions()),
                setup.author(), setup.reason(), setup.createdAt().toEpochMilli());
    }

    private static LabelingSetup read(ResultSet result) throws SQLException {
        String functions = result.getString(4);
        return new LabelingSetup(result.getInt(1), result.getString(2), result.getString(3),
                functions.isEmpty() ? List.of() : Arrays.asList(functions.split("\n")), result.getString(5),
                result.getString(6), Instant.ofEpochMilli(result.getLong(7)));
    }
}
