package com.bidstream.ingest.feeds;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UrlPathHelper;

import com.bidstream.platform.security.ApiKeyFilter;
import com.bidstream.platform.security.ApiKeys;
import com.bidstream.platform.web.ProblemWriter;

/**
 * Webhooks are authenticated by their feed's signature, not by an agency key: the
 * platform's API key filter (on {@code /api/*}) is replaced by one that lets
 * {@code /api/v1/webhooks/**} through to {@link WebhooksController}, which checks the
 * signature. Every other path keeps the key check.
 */
@Component
class WebhookSignatureInsteadOfApiKeys implements BeanPostProcessor {

	private final ObjectProvider<ApiKeys> apiKeys;

	private final ObjectProvider<ProblemWriter> problems;

	WebhookSignatureInsteadOfApiKeys(ObjectProvider<ApiKeys> apiKeys, ObjectProvider<ProblemWriter> problems) {
		this.apiKeys = apiKeys;
		this.problems = problems;
	}

	@Override
	@SuppressWarnings("unchecked")
	public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
		if (bean instanceof FilterRegistrationBean<?> registration
				&& registration.getFilter() instanceof ApiKeyFilter) {
			((FilterRegistrationBean<ApiKeyFilter>) registration)
				.setFilter(new ExceptWebhooks(this.apiKeys.getObject(), this.problems.getObject()));
		}
		return bean;
	}

	static final class ExceptWebhooks extends ApiKeyFilter {

		ExceptWebhooks(ApiKeys apiKeys, ProblemWriter problems) {
			super(apiKeys, problems);
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return UrlPathHelper.defaultInstance.getPathWithinApplication(request).startsWith("/api/v1/webhooks/");
		}

	}

}
