package vn.hailong.platform;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The public base URL, bound for the modules that print links (survey QR codes, enrolment links, webhooks). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PublicBaseUrl.class)
class PublicBaseUrlConfiguration {}
