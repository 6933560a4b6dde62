/** Telling a person's name from the name of a system or a common word, for the language review and the checklist. */

/** Capitalised words that are systems, tools or common sentence starters, never a person's name. */
const NOT_NAMES = new Set(
	`kubernetes k8s redis postgres postgresql mysql mariadb kafka nginx jenkins terraform ansible docker aws gcp
	azure cloudflare fastly akamai elasticsearch opensearch consul vault nomad envoy istio linkerd prometheus
	grafana alertmanager pagerduty opsgenie datadog sentry github gitlab bitbucket helm argo argocd flux lambda
	spinnaker varnish haproxy memcached rabbitmq cassandra mongodb mongo zookeeper etcd celery sidekiq airflow
	spark hadoop linux windows macos chrome safari firefox ios android slack zoom jira confluence puppet chef
	certbot letsencrypt kubelet coredns karpenter keda vitess patroni pgbouncer heroku vercel netlify bigquery snowflake dynamodb cloudwatch stackdriver splunk loki
	tempo jaeger kibana logstash fluentd vector traefik caddy apache tomcat node deno python java ruby rails
	django flask spring go rust php npm yarn pip maven gradle bazel git svn cron systemd kernel
	deploy deployment deployments job jobs build builds migration migrations rollback rollout release releases
	service services server servers cluster clusters pod pods container containers database databases cache
	caches queue queues worker workers script scripts check checks healthcheck alert alerts alerting monitor
	monitoring pipeline pipelines backup backups restore replica replicas primary secondary failover request
	requests query queries process processes task tasks update updates upgrade upgrades patch config
	configuration install sync import export test tests probe probes connection connections login payment
	payments checkout app apps application applications system systems host hosts instance instances retry
	retries autoscaler scheduler controller proxy gateway router balancer certificate renewal storage disk
	disks volume volumes network load api batch email emails webhook webhooks notification notifications page
	pager paging bot bots hook hooks run runs step steps stage stages attempt attempts canary canaries code
	change changes commit commits merge fix fixes hotfix script it this that which there here then later
	after before when while once everything something nothing each every both all some the a an and or but
	also however meanwhile finally initially eventually again still another other we our us they their
	traffic dns cdn tls ssl http https vpn firewall lb vm vms ci cd prod production staging dev qa
	monday tuesday wednesday thursday friday saturday sunday january february march april may june july
	august september october november december today yesterday tomorrow tonight morning evening
	customers customer users user clients client tenant tenants partner partners vendor vendors
	search checkout frontend backend mobile web website portal dashboard dashboards runbook runbooks`.split(/\s+/)
);
const NOUN_SUFFIX = /(?:tion|sion|ment|ing|ness|ity|ance|ence|ure|ics|ism|age|ery|ory|ler|ger|tor|ser)$/i;

/** Whether a single word looks like a person's name rather than a system or a common word. */
export function looksLikePersonName(word: string): boolean {
	return isName(word.trim());
}

/** A capitalised word that is not a known system, tool or common word, nor a noun by its ending. */
export function isName(w: string): boolean {
	return /^\p{Lu}\p{Ll}+$/u.test(w) && !NOT_NAMES.has(w.toLowerCase().replace(/’/g, "'")) && !NOUN_SUFFIX.test(w);
}
