package com.bidstream.platform.lifecycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.boot.context.event.ApplicationReadyEvent;

/**
 * When the launcher that started this service dies (even by {@code kill -9}), the service
 * shuts down instead of living on as an orphan. Active only with
 * {@code bidstream.parent-pid}.
 */
public class ParentWatchdog implements ApplicationListener<ApplicationReadyEvent> {

	private static final Logger log = LoggerFactory.getLogger(ParentWatchdog.class);

	private final long parentPid;

	public ParentWatchdog(long parentPid) {
		this.parentPid = parentPid;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		ApplicationContext context = event.getApplicationContext();
		ProcessHandle.of(this.parentPid).ifPresentOrElse((parent) -> parent.onExit().thenRun(() -> {
			log.warn("Launcher process {} ended; shutting down", this.parentPid);
			System.exit(SpringApplication.exit(context));
		}), () -> {
			log.warn("Launcher process {} is gone; shutting down", this.parentPid);
			System.exit(SpringApplication.exit(context));
		});
	}

}
