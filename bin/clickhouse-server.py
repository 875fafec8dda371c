#!/usr/bin/env python3
"""Serve a real ClickHouse on loopback from chDB's libchdb.so.

libchdb.so is ClickHouse built as a library. Its entry point chdb_query_cmdline(argc, argv) takes the arguments of
clickhouse-local; given --http_port/--tcp_port and a query that first starts the listeners and then runs until it is
stopped, it serves the ordinary HTTP and native protocols. ClickHouse installs its own signal handlers, which is why
this runs in a process of its own and never inside the JVM.

The listener has no authentication: it binds 127.0.0.1 only.
"""
import argparse
import ctypes
import os
import sys
import threading
import time

# Starts both listeners, then keeps the query (and with it the server) alive until the process is signalled.
SERVE_QUERY = (
    "SYSTEM START LISTEN HTTP; SYSTEM START LISTEN TCP; "
    "SELECT sleep(3) FROM system.numbers SETTINGS max_block_size = 1 FORMAT Null"
)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lib", required=True, help="path to libchdb.so")
    parser.add_argument("--path", required=True, help="data folder (kept across restarts)")
    parser.add_argument("--http-port", type=int, required=True)
    parser.add_argument("--tcp-port", type=int, required=True)
    parser.add_argument("--exit-with", type=int, default=0,
                        help="stop when the process with this pid is gone (0: never)")
    parser.add_argument("--config-file", default="",
                        help="a ClickHouse server config (remote_servers, macros, zookeeper), or none")
    return parser.parse_args()


def watch_parent(pid):
    while True:
        time.sleep(1)
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            os._exit(0)


def main():
    args = parse_args()
    if not os.path.isfile(args.lib):
        sys.exit(f"clickhouse-server.py: library not found: {args.lib}")
    os.makedirs(args.path, exist_ok=True)
    if args.exit_with:
        threading.Thread(target=watch_parent, args=(args.exit_with,), daemon=True).start()

    lib = ctypes.CDLL(args.lib)
    argv = [
        "clickhouse",
        f"--path={args.path}",
        f"--http_port={args.http_port}",
        f"--tcp_port={args.tcp_port}",
        "--listen_host=127.0.0.1",
        *([f"--config-file={args.config_file}"] if args.config_file else []),
        f"--query={SERVE_QUERY}",
    ]
    c_argv = (ctypes.c_char_p * len(argv))(*[a.encode() for a in argv])
    lib.chdb_query_cmdline.restype = ctypes.c_void_p
    lib.chdb_query_cmdline(len(argv), c_argv)
    # Reaching this line means the serving query ended, which only happens on an error (printed by ClickHouse).
    sys.exit("clickhouse-server.py: ClickHouse stopped serving; see the messages above")


if __name__ == "__main__":
    main()
