"""A small closed-loop load generator (wrk is not installed): ``connections`` keep-alive
HTTP/1.1 connections, each sending the next request as soon as the last answer is read, for
a fixed time. Latencies are of complete responses; every non-2xx answer is an error.

Runs the connections in a few processes (threads of one Python process would measure the
GIL, not the server).
"""

import http.client
import multiprocessing
import statistics
import threading
import time
from dataclasses import dataclass


@dataclass
class Result:
    requests: int
    errors: int
    seconds: float
    latencies_ms: list[float]
    statuses: dict[int, int]

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        if not self.latencies_ms:
            return 0.0
        ordered = sorted(self.latencies_ms)
        return float(ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))])

    @property
    def p50_ms(self) -> float:
        return self.percentile(50)

    @property
    def p95_ms(self) -> float:
        return self.percentile(95)


def _connection_loop(host, port, path, headers, deadline, out, lock):
    latencies, statuses, errors = [], {}, 0
    connection = http.client.HTTPConnection(host, port, timeout=30)
    while time.perf_counter() < deadline:
        started = time.perf_counter()
        try:
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            status = response.status
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
        except (OSError, http.client.HTTPException):
            connection.close()
            connection = http.client.HTTPConnection(host, port, timeout=30)
            status = 0
        latencies.append((time.perf_counter() - started) * 1000)
        statuses[status] = statuses.get(status, 0) + 1
        if not 200 <= status < 300:
            errors += 1
    connection.close()
    with lock:
        out.append((latencies, statuses, errors))


def _process(host, port, path, headers, threads, start_at, seconds, queue):
    while time.perf_counter() < start_at:  # every process starts together
        time.sleep(0.001)
    deadline = time.perf_counter() + seconds
    out, lock = [], threading.Lock()
    workers = [
        threading.Thread(
            target=_connection_loop, args=(host, port, path, headers, deadline, out, lock)
        )
        for _ in range(threads)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    queue.put(out)


def run(
    url_path: str,
    *,
    host: str = "127.0.0.1",
    port: int = 8102,
    cookie: str = "",
    connections: int = 16,
    seconds: float = 5.0,
    processes: int = 2,
) -> Result:
    headers = {"Host": f"{host}:{port}", "Connection": "keep-alive", "Accept-Language": "de"}
    if cookie:
        headers["Cookie"] = cookie
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    start_at = time.perf_counter() + 0.3
    per_process = [
        connections // processes + (i < connections % processes) for i in range(processes)
    ]
    children = [
        context.Process(
            target=_process,
            args=(host, port, url_path, headers, threads, start_at, seconds, queue),
        )
        for threads in per_process
        if threads
    ]
    for child in children:
        child.start()
    latencies, statuses, errors = [], {}, 0
    for _ in children:
        for lat, stat, err in queue.get():
            latencies += lat
            errors += err
            for status, number in stat.items():
                statuses[status] = statuses.get(status, 0) + number
    for child in children:
        child.join()
    return Result(
        requests=len(latencies),
        errors=errors,
        seconds=seconds,
        latencies_ms=latencies,
        statuses=statuses,
    )


def summary(result: Result) -> str:
    return (
        f"{result.rps:8.1f} req/s  p50 {result.p50_ms:6.1f} ms  p95 {result.p95_ms:6.1f} ms"
        f"  errors {result.errors}  (median {statistics.median(result.latencies_ms or [0]):.1f})"
    )
