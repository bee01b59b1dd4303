package io.flowlake.api;

import static io.flowlake.api.RunJson.page;
import static io.flowlake.api.RunJson.run;
import static io.flowlake.api.RunsClientTest.CONFIG;
import static io.flowlake.api.RunsClientTest.T0;
import static io.flowlake.api.RunsClientTest.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The token travels in the Authorization header and nowhere else: no message, no toString. */
class TokenSecrecyTest {

  static Stream<Named<Consumer<ScriptedTransport>>> failures() {
    String echo = "{\"detail\": \"bad header Authorization: Token " + TOKEN + "\"}";
    return Stream.of(
        Named.of("403", t -> t.answer(403, "{\"detail\": \"Invalid token\"}")),
        Named.of("400 echoing the header", t -> t.answer(400, echo)),
        Named.of("403 echoing the header", t -> t.answer(403, echo)),
        Named.of("404 invalid cursor", t -> t.answer(404, "{\"detail\": \"Invalid cursor\"}")),
        Named.of("redirect", t -> t.answer(302, "", "Location", "https://login.example/")),
        Named.of("html pages", t -> t.answer(200, "<html>" + TOKEN + "</html>", 5)),
        Named.of("5xx", t -> t.answer(500, echo, 5)),
        Named.of("timeouts", t -> t.fail(new HttpTimeoutException("request timed out"), 5)),
        Named.of("refused", t -> t.fail(new ConnectException("Connection refused"), 5)),
        Named.of("endless 429", t -> t.answer(429, echo, 101)),
        Named.of("foreign next", t -> t.answer(200, page("https://evil.example/?c=1", run(id())))),
        Named.of(
            "stuck next",
            t ->
                t.answer(200, page(CONFIG.api() + "/x", run(id())))
                    .answer(200, page(CONFIG.api() + "/x", run(id())))));
  }

  @ParameterizedTest
  @MethodSource("failures")
  void noFailureMentionsTheToken(Consumer<ScriptedTransport> script) {
    ScriptedTransport transport = new ScriptedTransport();
    script.accept(transport);
    FakeClock clock = FakeClock.advancing();
    RunsClient client = new RunsClient(CONFIG, transport, () -> {}, clock, new Random(3));

    Throwable failure =
        catchThrowable(() -> client.pages(RunsQuery.between(null, T0)).forEachRemaining(p -> {}));

    assertThat(failure).isInstanceOf(ApiException.class);
    for (Throwable t = failure; t != null; t = t.getCause()) {
      assertThat(t.getMessage()).doesNotContain(TOKEN);
      assertThat(t.toString()).doesNotContain(TOKEN);
    }
    assertThat(client.toString()).doesNotContain(TOKEN);
  }

  @Test
  void noToStringMentionsTheToken() {
    assertThat(CONFIG.toString()).doesNotContain(TOKEN);
    assertThat(new JdkTransport(CONFIG).toString()).doesNotContain(TOKEN);
    assertThat(RunsQuery.between(null, T0).firstPage(CONFIG.api()).toString())
        .doesNotContain(TOKEN);
  }

  @Test
  void aResumeUrlElsewhereIsRefusedWithoutTheToken() {
    RunsClient client =
        new RunsClient(CONFIG, new ScriptedTransport(), () -> {}, FakeClock.frozen(), new Random());

    Throwable failure = catchThrowable(() -> client.pagesFrom(URI.create("https://evil.example/")));

    assertThat(failure).isInstanceOf(UnsafeLinkException.class);
    assertThat(failure.getMessage()).doesNotContain(TOKEN);
  }

  private static String id() {
    return RunsClientTest.uuid(1);
  }
}
