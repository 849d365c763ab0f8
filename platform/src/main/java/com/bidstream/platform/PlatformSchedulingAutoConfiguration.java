package com.bidstream.platform;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * One scheduler for every periodic job of a service ({@code @Scheduled}: the inbox prune,
 * reporting's broker sampler and gauges): Spring Boot's {@code taskScheduler}, sized by
 * {@code spring.task.scheduling.pool.size} in the platform defaults and shut down with
 * the context. Registered before Boot's task scheduling, whose scheduler bean is
 * conditional on scheduling being enabled.
 */
@AutoConfiguration(before = TaskSchedulingAutoConfiguration.class)
@EnableScheduling
public class PlatformSchedulingAutoConfiguration {

}
