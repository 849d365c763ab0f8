package com.bidstream.platform.lifecycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * When the launcher that started this service dies (even by {@code kill -9}), the service
 * exits instead of living on as an orphan, whether it is still starting or already
 * running. Active only with {@code bidstream.parent-pid}; registered in
 * {@code META-INF/spring.factories} so that it watches from the first moment of startup.
 */
public class ParentWatchdog implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	private static final Logger log = LoggerFactory.getLogger(ParentWatchdog.class);

	static final String PROPERTY = "bidstream.parent-pid";

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		Long parentPid = event.getEnvironment().getProperty(PROPERTY, Long.class);
		if (parentPid == null) {
			return;
		}
		ProcessHandle.of(parentPid)
			.ifPresentOrElse((parent) -> parent.onExit().thenRun(() -> exit(parentPid)), () -> exit(parentPid));
	}

	private static void exit(long parentPid) {
		log.warn("Launcher process {} ended; shutting down", parentPid);
		// Spring Boot's shutdown hook closes the application context gracefully
		System.exit(0);
	}

}
