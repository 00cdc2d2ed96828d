"""Reads the Parquet files `switchback org advise --output-dir DIR` wrote,
with pyarrow (a reader other than the writer), and checks them against the
CSV files beside them: the same rows, the documented columns with their
types, and one hand-checked employee. Run by crates/cli/tests/org.rs.

    python3 crates/cli/tests/read_parquet.py DIR
"""
import csv
import sys

import pyarrow as pa
import pyarrow.parquet as pq

out = sys.argv[1]
for name in ["employees", "open-roles", "jobs"]:
    table = pq.read_table(f"{out}/{name}.parquet")
    with open(f"{out}/{name}.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert table.num_rows == len(rows), (name, table.num_rows, len(rows))
    assert table.column_names == list(rows[0].keys()), (name, table.column_names)
    # Every cell equals the CSV's, empty cells as nulls.
    for column in table.column_names:
        values = table.column(column).to_pylist()
        for i, (value, row) in enumerate(zip(values, rows)):
            text = row[column]
            if text == "":
                assert value is None, (name, column, i, value)
            elif isinstance(value, float):
                assert abs(value - float(text)) < 1e-9, (name, column, i, value, text)
            else:
                assert str(value) == text, (name, column, i, value, text)

employees = pq.read_table(f"{out}/employees.parquet")
schema = employees.schema
assert schema.field("salary").type == pa.int64()
assert schema.field("switchback_landing").type == pa.float64()
assert schema.field("employee_id").type == pa.string()
aide = [r for r in employees.to_pylist() if r["employee_id"] == "MC-E07506"][0]
assert aide["route_up"] == "blocked", aide
assert aide["switchback_title"] == "Principal Administrative Aide", aide
assert aide["switchback_grades_down"] == 1, aide
print("parquet ok:", employees.num_rows, "employees")
