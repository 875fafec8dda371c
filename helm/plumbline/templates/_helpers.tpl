{{/*
Chart name, overridable with nameOverride. Truncated to 63 chars (DNS label limit).
*/}}
{{- define "plumbline.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Full name used for every resource: the release name, suffixed with the chart name
unless the release name already contains it. Truncated to 63 chars.
*/}}
{{- define "plumbline.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Chart name and version, for the helm.sh/chart label.
*/}}
{{- define "plumbline.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Kubernetes recommended labels
(https://kubernetes.io/docs/concepts/overview/working-with-objects/common-labels/).
*/}}
{{- define "plumbline.labels" -}}
helm.sh/chart: {{ include "plumbline.chart" . }}
{{ include "plumbline.selectorLabels" . }}
app.kubernetes.io/version: {{ include "plumbline.imageTag" . | trunc 63 | trimSuffix "-" | quote }}
app.kubernetes.io/component: server
app.kubernetes.io/part-of: plumbline
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/*
Selector labels: the immutable subset used by the Deployment selector and the Service.
*/}}
{{- define "plumbline.selectorLabels" -}}
app.kubernetes.io/name: {{ include "plumbline.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
Name of the ServiceAccount the pods run as.
*/}}
{{- define "plumbline.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "plumbline.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Image tag: image.tag, or the chart's appVersion when empty.
*/}}
{{- define "plumbline.imageTag" -}}
{{- .Values.image.tag | default .Chart.AppVersion | toString }}
{{- end }}

{{/*
Full image reference.
*/}}
{{- define "plumbline.image" -}}
{{- printf "%s:%s" .Values.image.repository (include "plumbline.imageTag" .) }}
{{- end }}

{{/*
The ClickHouse HTTP URL. Fails rendering when it is missing: this chart has no bundled ClickHouse.
*/}}
{{- define "plumbline.clickhouse.url" -}}
{{- required "clickhouse.url is required: the HTTP URL of your ClickHouse, e.g. http://clickhouse:8123" .Values.clickhouse.url }}
{{- end }}

{{/*
Name of the Secret holding the ClickHouse password: the existing one, or the one this chart creates.
*/}}
{{- define "plumbline.clickhouse.secretName" -}}
{{- if .Values.clickhouse.existingSecret }}
{{- .Values.clickhouse.existingSecret }}
{{- else }}
{{- printf "%s-clickhouse" (include "plumbline.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{/*
Key of the password inside that Secret.
*/}}
{{- define "plumbline.clickhouse.secretKey" -}}
{{- if .Values.clickhouse.existingSecret }}
{{- required "clickhouse.existingSecretKey must not be empty when clickhouse.existingSecret is set" .Values.clickhouse.existingSecretKey }}
{{- else -}}
password
{{- end }}
{{- end }}

{{/*
"true" when the first admin's password comes from somewhere (the chart's Secret or an existing one), else empty.
*/}}
{{- define "plumbline.initialAdmin.enabled" -}}
{{- if or .Values.security.initialAdmin.existingSecret .Values.security.initialAdmin.password -}}
true
{{- end }}
{{- end }}

{{/*
Name of the Secret holding the first admin's password: the existing one, or the one this chart creates.
*/}}
{{- define "plumbline.initialAdmin.secretName" -}}
{{- if .Values.security.initialAdmin.existingSecret }}
{{- .Values.security.initialAdmin.existingSecret }}
{{- else }}
{{- printf "%s-initial-admin" (include "plumbline.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{/*
Key of the first admin's password inside that Secret.
*/}}
{{- define "plumbline.initialAdmin.secretKey" -}}
{{- if .Values.security.initialAdmin.existingSecret }}
{{- required "security.initialAdmin.existingSecretKey must not be empty when security.initialAdmin.existingSecret is set" .Values.security.initialAdmin.existingSecretKey }}
{{- else -}}
password
{{- end }}
{{- end }}

{{/*
Name of the OIDC client, validated: it becomes part of environment variable names, and Micronaut reads both
'_' and '-' there as separators, so only lowercase letters and digits keep the client name intact.
*/}}
{{- define "plumbline.oidc.clientName" -}}
{{- $name := toString .Values.security.oidc.clientName }}
{{- if not (regexMatch "^[a-z][a-z0-9]{0,62}$" $name) }}
{{- fail (printf "security.oidc.clientName %q is not valid: use lowercase letters and digits only, starting with a letter (e.g. okta). It becomes part of environment variable names, where Micronaut would read '-' or '_' as a separator" $name) }}
{{- end }}
{{- $name }}
{{- end }}

{{/*
Prefix of the Micronaut Security environment variables of the OIDC client.
*/}}
{{- define "plumbline.oidc.envPrefix" -}}
{{- printf "MICRONAUT_SECURITY_OAUTH2_CLIENTS_%s" (include "plumbline.oidc.clientName" . | upper) }}
{{- end }}

{{/*
Name of the Secret holding the OIDC client secret: the existing one, or the one this chart creates.
Fails when OIDC is enabled without any client secret.
*/}}
{{- define "plumbline.oidc.secretName" -}}
{{- if .Values.security.oidc.existingSecret }}
{{- .Values.security.oidc.existingSecret }}
{{- else if .Values.security.oidc.clientSecret }}
{{- printf "%s-oidc" (include "plumbline.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- fail "security.oidc.clientSecret (or security.oidc.existingSecret) is required when security.oidc.enabled is true" }}
{{- end }}
{{- end }}

{{/*
Key of the OIDC client secret inside that Secret.
*/}}
{{- define "plumbline.oidc.secretKey" -}}
{{- if .Values.security.oidc.existingSecret }}
{{- required "security.oidc.existingSecretKey must not be empty when security.oidc.existingSecret is set" .Values.security.oidc.existingSecretKey }}
{{- else -}}
client-secret
{{- end }}
{{- end }}

{{/*
security.oidc.groupRoles joined with commas (the app splits the environment variable on commas), each entry
checked to be group=role without a comma.
*/}}
{{- define "plumbline.oidc.groupRoles" -}}
{{- $entries := list }}
{{- range .Values.security.oidc.groupRoles }}
{{- $entry := toString . }}
{{- if not (regexMatch "^[^,]*[^,=\\s][^,]*=\\s*[^,=\\s][^,=]*$" $entry) }}
{{- fail (printf "security.oidc.groupRoles: %q is not group=role (entries are joined with commas, so neither part may contain one)" $entry) }}
{{- end }}
{{- $entries = append $entries $entry }}
{{- end }}
{{- join "," $entries }}
{{- end }}

{{/*
The env var holding one credential of a telemetry source: (list KIND NAME WHAT) -> PLUMBLINE_SOURCE_KIND_NAME_WHAT.
*/}}
{{- define "plumbline.sourceEnv" -}}
{{- printf "PLUMBLINE_SOURCE_%s_%s_%s" (index . 0) (index . 1 | upper | replace "-" "_") (index . 2) -}}
{{- end }}

{{/*
The env var holding a notification destination's Authorization header: NAME -> PLUMBLINE_DESTINATION_NAME_AUTHORIZATION.
*/}}
{{- define "plumbline.destinationEnv" -}}
{{- printf "PLUMBLINE_DESTINATION_%s_AUTHORIZATION" (. | upper | replace "-" "_") -}}
{{- end }}

{{/*
The Micronaut configuration files the chart's ConfigMaps hold, comma-joined (empty: none).
*/}}
{{- /* Whether the collectors ConfigMap is rendered (and mounted): any source, or remote write. */}}
{{- define "plumbline.collectorsConfig" -}}
{{- if or .Values.collectors.prometheus .Values.collectors.datadog .Values.collectors.spans .Values.collectors.remoteWrite.enabled }}true{{ end }}
{{- end }}

{{- define "plumbline.configFiles" -}}
{{- $files := list }}
{{- if include "plumbline.collectorsConfig" . }}
{{- $files = append $files "/etc/plumbline/collectors.yml" }}
{{- end }}
{{- if .Values.notify.destinations }}
{{- $files = append $files "/etc/plumbline-notify/notify.yml" }}
{{- end }}
{{- join "," $files }}
{{- end }}

{{/*
The replicas' coordination: keeper-map is required for more than one pod (else two pods would collect the same
sources and send the same notifications).
*/}}
{{- define "plumbline.coordination" -}}
{{- $c := .Values.replicas.coordination | default "none" -}}
{{- if not (has $c (list "none" "keeper-map")) -}}
{{- fail (printf "replicas.coordination must be none or keeper-map, was %q" $c) -}}
{{- end -}}
{{- if and (gt (int .Values.replicaCount) 1) (eq $c "none") -}}
{{- fail (printf "replicaCount %d needs replicas.coordination keeper-map (leases in ClickHouse's KeeperMap; README, \"Replicas\")" (int .Values.replicaCount)) -}}
{{- end -}}
{{- $c -}}
{{- end }}
