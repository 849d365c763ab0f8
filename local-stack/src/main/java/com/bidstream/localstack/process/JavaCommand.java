package com.bidstream.localstack.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command lines for child JVMs, run by the same {@code java} that runs the launcher.
 */
public final class JavaCommand {

	private JavaCommand() {
	}

	public static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/**
	 * {@code java <jvmOptions> -cp <classpath> <mainClass> <args>}.
	 */
	public static List<String> mainClass(String classpath, List<String> jvmOptions, Class<?> mainClass,
			List<String> args) {
		List<String> command = new ArrayList<>();
		command.add(java());
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(classpath);
		command.add(mainClass.getName());
		command.addAll(args);
		return command;
	}

	/**
	 * {@code java <jvmOptions> -jar <jar> <args>}.
	 */
	public static List<String> jar(Path jar, List<String> jvmOptions, List<String> args) {
		List<String> command = new ArrayList<>();
		command.add(java());
		command.addAll(jvmOptions);
		command.add("-jar");
		command.add(jar.toString());
		command.addAll(args);
		return command;
	}

}
