//! The batch's tables as Parquet files, for analysts who load them into a
//! data frame or a warehouse. The rows are the CSV files' rows (one
//! builder per table, in `report`), typed by column: text as UTF-8,
//! counts and dollars as 64-bit integers, chances and years as doubles; an
//! empty cell is a null. Uncompressed, in row groups of
//! [`ROW_GROUP_ROWS`], streamed from the rows so a large workforce is
//! never held twice.

use std::sync::Arc;

use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int64Type};
use parquet::errors::ParquetError;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;

/// Rows per row group.
pub const ROW_GROUP_ROWS: usize = 100_000;

/// A column's type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// UTF-8 text.
    Text,
    /// A whole number.
    Integer,
    /// A real number.
    Real,
}

impl Kind {
    fn schema(self) -> &'static str {
        match self {
            Kind::Text => "BYTE_ARRAY",
            Kind::Integer => "INT64",
            Kind::Real => "DOUBLE",
        }
    }
}

/// Writes `rows` (cells as the CSV writes them) to `out` as a Parquet
/// file with the given columns, and gives `out` back.
pub fn table<W: std::io::Write + Send>(
    out: W,
    name: &str,
    columns: &[(&str, Kind)],
    rows: impl Iterator<Item = Vec<String>>,
) -> Result<W, ParquetError> {
    let fields: String = columns
        .iter()
        .map(|(c, k)| match k {
            Kind::Text => format!("optional {} {c} (UTF8);", k.schema()),
            _ => format!("optional {} {c};", k.schema()),
        })
        .collect();
    let schema = Arc::new(parse_message_type(&format!(
        "message {name} {{ {fields} }}"
    ))?);
    let props = Arc::new(WriterProperties::builder().build());
    let mut writer = SerializedFileWriter::new(out, schema, props)?;
    let mut batch: Vec<Vec<String>> = Vec::with_capacity(ROW_GROUP_ROWS.min(4096));
    let mut rows = rows.peekable();
    while rows.peek().is_some() {
        batch.clear();
        batch.extend(rows.by_ref().take(ROW_GROUP_ROWS));
        let mut group = writer.next_row_group()?;
        let mut index = 0;
        while let Some(mut column) = group.next_column()? {
            write_column(&mut column, columns[index].1, &batch, index)?;
            column.close()?;
            index += 1;
        }
        group.close()?;
    }
    writer.into_inner()
}

/// One column of a row group: its present values and a definition level
/// per row (1 present, 0 null).
fn write_column(
    column: &mut parquet::file::writer::SerializedColumnWriter<'_>,
    kind: Kind,
    batch: &[Vec<String>],
    index: usize,
) -> Result<(), ParquetError> {
    let cells = batch
        .iter()
        .map(|r| r.get(index).map_or("", String::as_str));
    let levels: Vec<i16> = cells.clone().map(|c| i16::from(!c.is_empty())).collect();
    let present = cells.filter(|c| !c.is_empty());
    let bad = |c: &str| ParquetError::General(format!("column {index}: `{c}` is not a {kind:?}"));
    match kind {
        Kind::Text => {
            let values: Vec<ByteArray> = present.map(ByteArray::from).collect();
            column
                .typed::<ByteArrayType>()
                .write_batch(&values, Some(&levels), None)?;
        }
        Kind::Integer => {
            let values = present
                .map(|c| c.parse::<i64>().map_err(|_| bad(c)))
                .collect::<Result<Vec<_>, _>>()?;
            column
                .typed::<Int64Type>()
                .write_batch(&values, Some(&levels), None)?;
        }
        Kind::Real => {
            let values = present
                .map(|c| c.parse::<f64>().map_err(|_| bad(c)))
                .collect::<Result<Vec<_>, _>>()?;
            column
                .typed::<DoubleType>()
                .write_batch(&values, Some(&levels), None)?;
        }
    }
    Ok(())
}
