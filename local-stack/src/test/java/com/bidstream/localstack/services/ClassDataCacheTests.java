package com.bidstream.localstack.services;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bidstream.localstack.process.JavaCommand;
import com.bidstream.localstack.services.ClassDataCache.Kind;
import com.bidstream.localstack.services.ClassDataCache.Launch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The class data cache of the services' starts, on a copy of a real executable jar (the
 * cache lives beside the jar it was made of) and real JVMs recording and checking
 * archives.
 */
class ClassDataCacheTests {

	private static final Path TRACKING_JAR = Service.TRACKING.jar(Path.of("").toAbsolutePath().getParent());

	private static final List<String> OPTIONS = List.of("-Xmx384m");

	@TempDir
	Path target;

	private Path jar;

	@BeforeEach
	void copyTheJar() throws IOException {
		this.jar = this.target.resolve(TRACKING_JAR.getFileName());
		Files.copy(TRACKING_JAR, this.jar);
	}

	@Test
	void theFirstStartOfABuildRunsItsExtractedJarAndRecordsItsClassesQuietly() {
		Launch launch = ClassDataCache.prepare(this.jar, OPTIONS);

		assertThat(launch.kind()).as(launch.detail()).isEqualTo(Kind.RECORDING);
		assertThat(launch.jar()).isRegularFile()
			.hasFileName(this.jar.getFileName().toString())
			.isNotEqualTo(this.jar.toAbsolutePath());
		assertThat(launch.jar().resolveSibling("lib")).isDirectoryContaining("glob:**/spring-core-*.jar");
		assertThat(launch.jvmOptions()).hasSize(2)
			.first()
			.asString()
			.startsWith("-XX:ArchiveClassesAtExit=" + launch.jar().getParent().getParent())
			.endsWith(".recording");
		assertThat(launch.jvmOptions()).contains("-Xlog:cds=error");
	}

	@Test
	void aRecordingThatMapsCleanlyIsSharedByEveryLaterStart() throws Exception {
		Launch first = ClassDataCache.prepare(this.jar, OPTIONS);
		record(first);

		Launch second = ClassDataCache.prepare(this.jar, OPTIONS);
		Launch third = ClassDataCache.prepare(this.jar, OPTIONS);

		assertThat(second.kind()).as(second.detail()).isEqualTo(Kind.SHARED);
		Path archive = second.jar().getParent().resolveSibling("classes.jsa");
		assertThat(second.jvmOptions()).containsExactly("-XX:SharedArchiveFile=" + archive);
		assertThat(third).isEqualTo(second);
		assertThat(recordings()).as("the recording became the archive").isEmpty();
		List<String> strict = new ArrayList<>(javaWith(second));
		strict.add(1, "-Xshare:on");
		assertThat(run(strict, "-version")).as("a JVM maps it, or fails with -Xshare:on").contains("sharing");
	}

	@Test
	void aRecordingCutShortIsNeverMappedAndGoesOnceAbandoned() throws Exception {
		Launch first = ClassDataCache.prepare(this.jar, OPTIONS);
		Path recording = record(first);
		byte[] whole = Files.readAllBytes(recording);
		Files.write(recording, java.util.Arrays.copyOf(whole, whole.length / 2));

		Launch whileItMayBeWritten = ClassDataCache.prepare(this.jar, OPTIONS);

		assertThat(whileItMayBeWritten.kind()).isEqualTo(Kind.RECORDING);
		assertThat(recordings()).containsExactly(recording);

		Files.setLastModifiedTime(recording, FileTime.from(Instant.now().minus(Duration.ofMinutes(16))));
		Launch later = ClassDataCache.prepare(this.jar, OPTIONS);

		assertThat(later.kind()).isEqualTo(Kind.RECORDING);
		assertThat(recordings()).isEmpty();
		try (Stream<Path> here = Files.list(Path.of(""))) {
			assertThat(here.map((file) -> file.getFileName().toString()))
				.as("the check that crashed on the cut archive left no crash report where the launcher runs")
				.noneMatch((name) -> name.startsWith("hs_err_pid"));
		}
	}

	@Test
	void aChangedJarStartsAfreshAndTheOlderBuildsCacheGoesOnceUnusedForADay() throws Exception {
		Launch before = ClassDataCache.prepare(this.jar, OPTIONS);
		Path olderBuild = before.jar().getParent().getParent();
		Files.copy(Service.SCORING.jar(TRACKING_JAR.getParent().getParent().getParent()), this.jar,
				StandardCopyOption.REPLACE_EXISTING);

		Launch after = ClassDataCache.prepare(this.jar, OPTIONS);

		assertThat(after.kind()).isEqualTo(Kind.RECORDING);
		assertThat(after.jar().getParent().getParent()).isNotEqualTo(olderBuild);
		assertThat(olderBuild).as("a stack of the older build may still run from it").isDirectory();

		Files.setLastModifiedTime(olderBuild.resolve("last-used"),
				FileTime.from(Instant.now().minus(Duration.ofHours(25))));
		ClassDataCache.prepare(this.jar, OPTIONS);

		assertThat(olderBuild).doesNotExist();
	}

	@Test
	void aJarRebuiltWithTheSameContentKeepsItsArchive() throws Exception {
		record(ClassDataCache.prepare(this.jar, OPTIONS));
		Path rebuilt = this.target.resolve("rebuilt");
		Files.copy(this.jar, rebuilt);
		Files.move(rebuilt, this.jar, StandardCopyOption.REPLACE_EXISTING);
		Files.setLastModifiedTime(this.jar, FileTime.from(Instant.now().plusSeconds(60)));

		assertThat(ClassDataCache.prepare(this.jar, OPTIONS).kind()).isEqualTo(Kind.SHARED);
	}

	@Test
	void aJarThatCannotBeExtractedStartsThePlainWayAndLeavesNothingBehind() throws Exception {
		Path notSpringBoot = this.target.resolve("plain.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(notSpringBoot))) {
			out.flush();
		}

		Launch launch = ClassDataCache.prepare(notSpringBoot, OPTIONS);

		assertThat(launch.kind()).isEqualTo(Kind.PLAIN);
		assertThat(launch.jar()).isEqualTo(notSpringBoot);
		assertThat(launch.jvmOptions()).isEmpty();
		assertThat(launch.detail()).contains("extract plain.jar ended with");
		try (Stream<Path> left = Files.list(this.target.resolve("cds"))) {
			assertThat(left.filter((entry) -> entry.getFileName().toString().startsWith("extracting-")))
				.as("no scratch directory left")
				.isEmpty();
		}
		assertThat(ClassDataCache.prepare(this.target.resolve("missing.jar"), OPTIONS).kind()).isEqualTo(Kind.PLAIN);
	}

	/**
	 * Runs a JVM with the launch's recording option, as a service's first start does: the
	 * archive is written when it exits.
	 */
	private Path record(Launch launch) throws Exception {
		run(javaWith(launch), "-version");
		List<Path> recordings = recordings();
		assertThat(recordings).hasSize(1);
		return recordings.get(0);
	}

	private List<String> javaWith(Launch launch) {
		List<String> command = new ArrayList<>(List.of(JavaCommand.java()));
		command.addAll(OPTIONS);
		command.addAll(launch.jvmOptions());
		command.addAll(List.of("-cp", launch.jar().toString()));
		return command;
	}

	private List<Path> recordings() throws IOException {
		try (Stream<Path> files = Files.walk(this.target.resolve("cds"))) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".recording")).toList();
		}
	}

	private static String run(List<String> command, String last) throws Exception {
		List<String> line = new ArrayList<>(command);
		line.add(last);
		Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
		try (InputStream output = process.getInputStream()) {
			String text = new String(output.readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor()).as(text).isZero();
			return text;
		}
	}

}
