package com.bidstream.reporting.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves a handler's {@link DashboardSession.SignedIn} argument: a reader for a GET, a
 * writer ({@link DashboardSession#writer}: same origin and the session's token) for any
 * other method. Spring resolves arguments in their order, so a handler that declares it
 * before its {@code @RequestBody} refuses a request without a session (401) or without
 * the token (403) before it reads the body.
 */
final class SignedInResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == DashboardSession.SignedIn.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
			NativeWebRequest webRequest, @Nullable WebDataBinderFactory binderFactory) {
		HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
		boolean read = HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
		return read ? DashboardSession.reader(request) : DashboardSession.writer(request);
	}

}
