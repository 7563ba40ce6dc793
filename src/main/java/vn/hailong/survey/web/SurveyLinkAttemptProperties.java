package vn.hailong.survey.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The limit on opening survey links ({@code hailong.survey-links.attempts-per-minute}; the links'
 * other settings are the receipt module's).
 *
 * @param attemptsPerMinute openings of survey links per client address and minute, across all nodes
 *     (against guessing tokens by brute force); generous, because many citizens share one
 *     carrier-grade NAT address
 */
@ConfigurationProperties("hailong.survey-links")
record SurveyLinkAttemptProperties(@DefaultValue("30") int attemptsPerMinute) {}
