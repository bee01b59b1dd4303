package io.flowlake.warehouse;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * A partition's rows as COPY CSV ({@link CsvFields}), in chunks of whole lines of about {@link
 * #CHUNK_BYTES}: written on the executors from Spark's internal rows (the plan's own output, no
 * conversion to {@code Row}), so the driver receives bytes it passes to the COPY stream as they
 * are.
 */
final class CsvChunks implements FlatMapFunction<Iterator<InternalRow>, byte[]> {

  private static final long serialVersionUID = 1L;

  static final int CHUNK_BYTES = 1 << 20;

  private final CsvFields fields;

  private CsvChunks(CsvFields fields) {
    this.fields = fields;
  }

  /** {@code rows}' lines, by partition; the columns' order and types are {@code rows}' schema. */
  static JavaRDD<byte[]> of(Dataset<Row> rows) {
    return rows.queryExecution()
        .toRdd()
        .toJavaRDD()
        .mapPartitions(new CsvChunks(new CsvFields(rows.schema())));
  }

  /** Rows already in the driver as lines in chunks, written as they are read. */
  static Iterator<byte[]> of(CsvFields fields, Iterator<InternalRow> rows) {
    return new CsvChunks(fields).call(rows);
  }

  @Override
  public Iterator<byte[]> call(Iterator<InternalRow> rows) {
    CsvBuffer buffer = new CsvBuffer(CHUNK_BYTES + (CHUNK_BYTES >> 2));
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public byte[] next() {
        if (!rows.hasNext()) {
          throw new NoSuchElementException();
        }
        while (rows.hasNext() && buffer.size() < CHUNK_BYTES) {
          fields.line(rows.next(), buffer);
        }
        return buffer.take();
      }
    };
  }
}
