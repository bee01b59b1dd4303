package io.flowlake.lake;

import java.io.Serializable;
import org.apache.spark.sql.catalyst.InternalRow$;
import org.apache.spark.sql.catalyst.expressions.SpecializedGetters;
import org.apache.spark.sql.types.DataType;
import scala.Function2;

/**
 * Reads values of one type from Spark's internal rows, arrays and structs with that type's own
 * getter, chosen once.
 *
 * <p>Why not {@code InternalRow.get(ordinal, type)}: Spark 4.2 looks the type's physical form up on
 * every call, and inside a task that lookup builds a read-only copy of the session's configuration
 * each time. It took 17% of the CPU of the job that writes the flow results tables (a JFR profile
 * of the 1M-run benchmark).
 */
public final class TypedGetter implements Serializable {

  private static final long serialVersionUID = 1L;

  private final DataType type;
  // Spark's accessor for the type: made where it is used, after the getter is shipped to a task
  private transient Function2<SpecializedGetters, Object, Object> accessor;

  public TypedGetter(DataType type) {
    this.type = type;
  }

  /** The value at {@code ordinal}: null when null, else what {@code get(ordinal, type)} gives. */
  public Object get(SpecializedGetters row, int ordinal) {
    if (row.isNullAt(ordinal)) {
      return null;
    }
    Function2<SpecializedGetters, Object, Object> read = accessor;
    if (read == null) {
      // a race only makes it twice
      read = InternalRow$.MODULE$.getAccessor(type, false);
      accessor = read;
    }
    return read.apply(row, ordinal);
  }
}
