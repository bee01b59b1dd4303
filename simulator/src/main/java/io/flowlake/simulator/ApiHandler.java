package io.flowlake.simulator;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Answers each request as RapidPro's API would, in DRF's order: authentication (403), throttle
 * (429), method (405), then the endpoint, whose errors are 400/404. Queued faults replace the runs
 * endpoint's answer before any of that, as a proxy in front of the server would.
 */
final class ApiHandler implements HttpHandler {
  static final String RUNS = "/api/v2/runs.json";
  static final String FLOWS = "/api/v2/flows.json";
  static final String ARCHIVES = "/api/v2/archives.json";
  static final String CONTACTS = "/api/v2/contacts.json";
  static final String FIELDS = "/api/v2/fields.json";
  static final String GROUPS = "/api/v2/groups.json";

  private final Workspace workspace;
  private final SimulatorOptions options;
  private final int port;
  private final TokenAuthentication authentication;
  private final RateThrottle runsThrottle; // scope "v2.runs"
  private final RateThrottle contactsThrottle; // scope "v2.contacts"
  private final RateThrottle defaultThrottle; // scope "v2": flows, archives, fields, groups
  private final RunsEndpoint runs;
  private final FlowsEndpoint flows;
  private final ContactsEndpoint contacts;
  private final FieldsEndpoint fields;
  private final GroupsEndpoint groups;
  private final Faults faults = new Faults();
  private final RequestLog log = new RequestLog();
  private final AtomicInteger runsRequests = new AtomicInteger();
  private volatile IntConsumer onRunsRequest = n -> {};
  private volatile ArchivesEndpoint archives;

  ApiHandler(Workspace workspace, SimulatorOptions options, int port, Clock clock) {
    this.workspace = workspace;
    this.options = options;
    this.port = port;
    this.authentication = new TokenAuthentication(options.token());
    this.runsThrottle = new RateThrottle(options.requestsPerHour(), clock);
    this.contactsThrottle = new RateThrottle(options.requestsPerHour(), clock);
    this.defaultThrottle = new RateThrottle(options.requestsPerHour(), clock);
    this.runs = new RunsEndpoint(workspace);
    this.flows = new FlowsEndpoint(workspace);
    this.contacts = new ContactsEndpoint(workspace);
    this.fields = new FieldsEndpoint(workspace);
    this.groups = new GroupsEndpoint(workspace);
  }

  Faults faults() {
    return faults;
  }

  RequestLog log() {
    return log;
  }

  /** Serves these archives, and from the runs endpoint only runs modified from {@code micros}. */
  void retain(ArchivesEndpoint endpoint, long micros) {
    runs.serveFrom(micros);
    archives = endpoint;
  }

  void onRunsRequest(IntConsumer hook) {
    onRunsRequest = hook == null ? n -> {} : hook;
  }

  @Override
  public void handle(HttpExchange exchange) {
    Instant at = Instant.now();
    URI uri = exchange.getRequestURI();
    String host = exchange.getRequestHeaders().getFirst("Host");
    ApiRequest request =
        ApiRequest.of(
            exchange.getRequestMethod(),
            uri.getRawPath(),
            uri.getRawQuery(),
            exchange.getRequestHeaders().getFirst("Authorization"),
            host == null ? "127.0.0.1:" + port : host);
    try {
      ApiResponse response;
      try {
        response = respond(request);
      } catch (RuntimeException e) {
        response = ApiResponse.of(ApiError.serverError());
      }
      // Logged before the answer goes out: a client that has its answer must find it in the log.
      log.add(
          new LoggedRequest(
              at, request.pathAndQuery(), response.dropped() ? 0 : response.status()));
      send(exchange, request, response);
    } catch (IOException e) {
      // the client went away mid-answer; the log keeps what the server meant to send
    } finally {
      exchange.close();
    }
  }

  private ApiResponse respond(ApiRequest request) {
    boolean isRuns = RUNS.equals(request.path());
    if (isRuns) {
      onRunsRequest.accept(runsRequests.incrementAndGet());
    }
    pause(options.latencyMs());
    Function<ApiRequest, ApiResponse> endpoint = endpoint(request.path());
    if (endpoint == null) {
      ApiResponse docs = DocsPage.forPath(request.path());
      return docs != null ? docs : ApiResponse.detail(404, "Not found.");
    }
    Fault fault = isRuns ? faults.next() : null;
    if (fault != null && fault.kind() != Fault.Kind.TRUNCATED_JSON) {
      return fault.response();
    }
    ApiResponse answer = authorized(request, endpoint, throttle(request.path()));
    return fault == null ? answer : answer.truncated();
  }

  /** The endpoint's throttle scope (docs/rapidpro-api.md §4): runs and contacts have their own. */
  private RateThrottle throttle(String path) {
    return switch (path) {
      case RUNS -> runsThrottle;
      case CONTACTS -> contactsThrottle;
      default -> defaultThrottle;
    };
  }

  private Function<ApiRequest, ApiResponse> endpoint(String path) {
    return switch (path) {
      case RUNS -> runs::list;
      case FLOWS -> flows::list;
      case CONTACTS -> contacts::list;
      case FIELDS -> fields::list;
      case GROUPS -> groups::list;
      // Without a retention setting every run is in the runs endpoint and there is no archive.
      case ARCHIVES -> {
        ArchivesEndpoint served = archives;
        yield served == null ? r -> ApiResponse.json(200, PageJson.emptyWithCount()) : served::list;
      }
      default -> null;
    };
  }

  private ApiResponse authorized(
      ApiRequest request, Function<ApiRequest, ApiResponse> endpoint, RateThrottle throttle) {
    String failure = authentication.failure(request.authorization());
    if (failure != null) {
      return ApiResponse.detail(403, failure);
    }
    ApiResponse answer;
    RateThrottle.Refusal refusal = throttle.check();
    if (refusal != null) {
      answer = refusal.response(options.retryAfterHeader());
    } else if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
      answer = ApiResponse.detail(405, "Method \"" + request.method() + "\" not allowed.");
    } else {
      try {
        answer = endpoint.apply(request);
      } catch (ApiError e) {
        answer = ApiResponse.of(e);
      }
    }
    // RapidPro's middleware names the workspace of every authenticated answer.
    return answer.withHeader("X-Temba-Workspace", workspace.uuid());
  }

  /** Writes the answer; a dropped connection gets no answer at all. */
  private static void send(HttpExchange exchange, ApiRequest request, ApiResponse response)
      throws IOException {
    if (response.dropped()) {
      return; // closing the exchange before any header closes the connection
    }
    Headers headers = exchange.getResponseHeaders();
    headers.set("Content-Type", response.contentType());
    response.headers().forEach(headers::set);
    byte[] body = response.body();
    boolean head = request.method().equals("HEAD");
    exchange.sendResponseHeaders(response.status(), head || body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static void pause(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
