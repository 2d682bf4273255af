package dev.mlops.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The peer: DuckDB's read_json computing per-version count, error rate and latency percentiles. */
public final class DuckDbQuery {
    private DuckDbQuery() {
    }

    public static void main(String[] args) throws SQLException {
        String file = args[0].replace("'", "''");
        String sql = "SELECT version, count(*) AS n, avg(CASE WHEN status = 'error' THEN 1 ELSE 0 END) AS error_rate, "
                + "quantile_cont(latency_ms, [0.5, 0.9, 0.95, 0.99]) FILTER (WHERE status <> 'error') AS latency, "
                + "quantile_cont(ttft_ms, [0.5, 0.9, 0.95, 0.99]) FILTER (WHERE status <> 'error') AS ttft, "
                + "quantile_cont(usage.prompt_tokens, [0.5, 0.9, 0.99]) AS input_tokens, "
                + "quantile_cont(usage.completion_tokens, [0.5, 0.9, 0.99]) AS output_tokens "
                + "FROM read_json('" + file + "', format = 'newline_delimited') GROUP BY version ORDER BY version";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                System.out.println(rs.getString(1) + " n=" + rs.getLong(2) + " latency=" + rs.getString(4));
            }
        }
    }
}
