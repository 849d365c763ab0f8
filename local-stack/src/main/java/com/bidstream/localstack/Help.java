package com.bidstream.localstack;

/**
 * The text of {@code ./bidstream help}.
 */
final class Help {

	static final String TEXT = """
			Bidstream local stack: Kafka, PostgreSQL and the four services on this machine.

			Usage:
			  ./bidstream up [--demo] [--data-dir DIR]
			      Starts everything, prints the URLs and the dev keys, and runs until Ctrl-C
			      (or SIGTERM), which stops everything. Data stays in ./.bidstream across restarts.
			      --demo                 also stream synthetic listings and funnel activity
			      --data-dir DIR         keep the data somewhere else than ./.bidstream
			      --kafka-port N         default 9092 (--controller-port N: 9093)
			      --ingest-port N        default 8081 (--scoring-port 8082, --tracking-port 8083,
			                             --reporting-port 8084)
			      --postgres-port N      default: the last run's port if free, else any free port
			      --timeout SECONDS      how long a component may take to come up (default 180)
			      Every option can also be set in the environment: BIDSTREAM_KAFKA_PORT=9192 ...

			  ./bidstream down [--data-dir DIR] [--wait SECONDS]
			      Stops the ./bidstream up running on this data directory (say, one started in
			      the background) as Ctrl-C would, and waits until everything it started has
			      stopped (at most 240 s unless --wait says otherwise). It takes up's options
			      too, so the same command line with down stops it; only --data-dir counts.

			  ./bidstream key create --agency ID [--role MEMBER|OPERATOR] [--data-dir DIR]
			      Creates an API key for an agency (or an OPERATOR key for all agencies), stores
			      only its SHA-256 hash in .bidstream/keys and prints the key once. Running
			      services accept it right away.

			  ./bidstream secrets-key rotate [--data-dir DIR]
			      Makes a new key for the feed tokens and webhook secrets ingest stores sealed,
			      keeping the old one beside it; the next ./bidstream up seals every stored
			      value again with the new key (its log says how many).

			  ./bidstream bench [--listings N | --million] [--import N | --import-million] [--data-dir DIR]
			                    [--warm-up N | --cold]
			      Benchmarks the pipeline on its own stack (Kafka 19092/19093, services
			      18081-18084, a scratch data directory unless --data-dir): raw Kafka producer
			      throughput, N listings end to end (default 100,000; --million: 1,000,000),
			      latency at a steady rate, an NDJSON import (default 200,000 lines;
			      --import-million: 1,000,000), and memory and CPU per process. Prints one table
			      and writes it to target/bench/ (bench-<time>.json, latest.json).
			      --listings N           a multiple of 1,000 (default 100,000)
			      --raw-records N        records for the raw Kafka step (default 500,000)
			      --max-minutes M        how long to wait for the funnel to count them all (5);
			                             past that, the rate is of what it counted by then,
			                             and the latency step is skipped
			      --rate N --seconds S   the latency step's steady rate (default 1,000/s for 30 s;
			                             at most 3/4 of the end-to-end rate)
			      --import N             lines of the NDJSON import step (default 200,000)
			      --warm-up N            listings sent end to end first, untimed, so the timed
			                             step meets compiled code (default 20,000; --cold: none)
			      Ports and --timeout as for up.

			  ./bidstream help
			      This text (so does --help or -h after any command, which then runs nothing).

			./bidstream builds what is missing or older than its sources first
			(BIDSTREAM_NO_BUILD=1 skips that check and runs the jars as they are).

			Dev keys (local stack only): dev-operator-key (operator), dev-demo-key (agency demo),
			dev-acme-key (agency acme). Logs: .bidstream/logs/<process>.log
			""";

	private Help() {
	}

}
