package io.flowlake.testing;

import io.flowlake.simulator.Simulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts and closes the simulators a test class uses. Register it with {@code @RegisterExtension}:
 *
 * <ul>
 *   <li>{@link #serving(Simulator.Builder)} on an instance field: a fresh simulator of that
 *       configuration for each test; on a static field: one for the whole class. Tests take it as a
 *       {@link Simulator} parameter, or from {@link #get()}.
 *   <li>{@link #onDemand()}: none by default; {@link #start(Simulator.Builder)} starts one inside a
 *       test, closed when the test ends (or when the class ends, if started before all tests).
 * </ul>
 *
 * <p>Everything started is closed even when the test fails.
 */
public final class SimulatorExtension
    implements BeforeAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        AfterAllCallback,
        ParameterResolver {

  private final Simulator.Builder serving;
  private final List<Simulator> classScoped = new ArrayList<>();
  private final List<Simulator> testScoped = new ArrayList<>();
  private boolean inTest;
  private Simulator current;

  private SimulatorExtension(Simulator.Builder serving) {
    this.serving = serving;
  }

  /** A simulator of this configuration for each test (instance field) or the class (static). */
  public static SimulatorExtension serving(Simulator.Builder configuration) {
    return new SimulatorExtension(configuration);
  }

  /** No simulator until a test asks with {@link #start}. */
  public static SimulatorExtension onDemand() {
    return new SimulatorExtension(null);
  }

  /** Starts a simulator that is closed at the end of the current test (or class). */
  public synchronized Simulator start(Simulator.Builder configuration) {
    Simulator sim;
    try {
      sim = configuration.start();
    } catch (IOException e) {
      throw new UncheckedIOException("the simulator did not start", e);
    }
    (inTest ? testScoped : classScoped).add(sim);
    current = sim;
    return sim;
  }

  /** The simulator started last: the configured one, or the last {@link #start}ed. */
  public synchronized Simulator get() {
    if (current == null) {
      throw new IllegalStateException("no simulator is running: start one first");
    }
    return current;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (serving != null) {
      start(serving); // registered on a static field: one for the class
    }
  }

  @Override
  public synchronized void beforeEach(ExtensionContext context) {
    inTest = true;
    if (serving != null && classScoped.isEmpty()) {
      start(serving);
    }
  }

  @Override
  public synchronized void afterEach(ExtensionContext context) {
    inTest = false;
    closeAll(testScoped);
    current = classScoped.isEmpty() ? null : classScoped.get(classScoped.size() - 1);
  }

  @Override
  public synchronized void afterAll(ExtensionContext context) {
    closeAll(classScoped);
    current = null;
  }

  private static void closeAll(List<Simulator> simulators) {
    simulators.forEach(Simulator::close);
    simulators.clear();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Simulator.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return get();
  }
}
