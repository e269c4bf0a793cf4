{{/* Name of the release's objects: <release>-liquid5gc, or the release name when it already says liquid5gc. */}}
{{- define "liquid5gc.fullname" -}}
{{- if contains "liquid5gc" .Release.Name -}}
{{- .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-liquid5gc" .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* Labels of every object (with the selector labels, or app.kubernetes.io/instance, beside them). */}}
{{- define "liquid5gc.labels" -}}
app.kubernetes.io/part-of: liquid5gc
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{/* Selector labels of one component: (dict "root" $ "component" "amf") */}}
{{- define "liquid5gc.selectorLabels" -}}
app.kubernetes.io/name: liquid5gc
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* The effective settings of one NF (nfDefaults deep-merged with nfs.<name>), as YAML: (dict "root" $ "name" "amf") */}}
{{- define "liquid5gc.nfConfig" -}}
{{- $own := index .root.Values.nfs .name -}}
{{- $merged := mergeOverwrite (deepCopy .root.Values.nfDefaults) (deepCopy $own) -}}
{{- if not (has $merged.placement (list "persistent" "faas")) -}}
{{- fail (printf "nfs.%s.placement must be persistent or faas, not %v" .name $merged.placement) -}}
{{- end -}}
{{- toYaml $merged -}}
{{- end -}}

{{/* Image reference: (dict "root" $ "image" "nf-amf") */}}
{{- define "liquid5gc.image" -}}
{{- printf "%s/%s:%s" .root.Values.image.registry .image (default .root.Chart.AppVersion .root.Values.image.tag) -}}
{{- end -}}

{{/* Base URL of an NF application inside the cluster, by placement: (dict "root" $ "name" "amf") */}}
{{- define "liquid5gc.nfUrl" -}}
{{- $cfg := include "liquid5gc.nfConfig" . | fromYaml -}}
{{- $name := printf "%s-%s" (include "liquid5gc.fullname" .root) .name -}}
{{- if eq $cfg.placement "faas" -}}
{{- printf "http://%s.%s.%s" $name .root.Release.Namespace .root.Values.faas.domain -}}
{{- else -}}
{{- printf "http://%s:%v" $name $cfg.port -}}
{{- end -}}
{{- end -}}

{{/*
Environment of a caller: how to reach every NF it does not host. (dict "root" $ "self" "amf"); self "" for the proxy.
persistent NF -> LIQUID5GC_NF_<NF>_PLACEMENT=http + _URL (its Service); faas NF -> =faas + _URLPATTERN (its Knative
Service, one function per path). The NRF as http makes every persistent NF register itself.
*/}}
{{- define "liquid5gc.callerEnv" -}}
{{- $root := .root -}}
{{- $self := .self -}}
{{- range $name := keys $root.Values.nfs | sortAlpha }}
{{- if ne $name $self }}
{{- $cfg := include "liquid5gc.nfConfig" (dict "root" $root "name" $name) | fromYaml }}
{{- $url := include "liquid5gc.nfUrl" (dict "root" $root "name" $name) }}
{{- range $nf := $cfg.functionNfs }}
{{- $NF := upper $nf }}
{{- if eq $cfg.placement "faas" }}
- name: LIQUID5GC_NF_{{ $NF }}_PLACEMENT
  value: faas
- name: LIQUID5GC_NF_{{ $NF }}_URLPATTERN
  value: {{ printf "%s/{function}" $url | quote }}
{{- else }}
- name: LIQUID5GC_NF_{{ $NF }}_PLACEMENT
  value: http
- name: LIQUID5GC_NF_{{ $NF }}_URL
  value: {{ $url | quote }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}
{{- range $nf := $root.Values.r17Disabled }}
- name: LIQUID5GC_NF_{{ upper $nf }}_ENABLED
  value: "false"
{{- end }}
{{- end -}}

{{/* Redis and its password (every workload keeps state in Redis). */}}
{{- define "liquid5gc.storeEnv" -}}
- name: LIQUID5GC_STORE_TYPE
  value: redis
- name: LIQUID5GC_STORE_REDIS_URL
  value: {{ include "liquid5gc.redisUrl" . | quote }}
- name: LIQUID5GC_STORE_REDIS_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "liquid5gc.redisSecret" . }}
      key: redis-password
{{- end -}}

{{- define "liquid5gc.redisUrl" -}}
{{- if .Values.redis.bundled -}}
{{- printf "redis://%s-redis:6379/0" (include "liquid5gc.fullname" .) -}}
{{- else -}}
{{- required "redis.external.url is required when redis.bundled=false" .Values.redis.external.url -}}
{{- end -}}
{{- end -}}

{{- define "liquid5gc.redisSecret" -}}
{{- default (printf "%s-redis" (include "liquid5gc.fullname" .)) .Values.redis.auth.existingSecret -}}
{{- end -}}

{{- define "liquid5gc.etcdEndpoints" -}}
{{- if .Values.etcd.bundled -}}
{{- printf "http://%s-etcd:2379" (include "liquid5gc.fullname" .) -}}
{{- else -}}
{{- required "etcd.external.endpoints is required when etcd.bundled=false" .Values.etcd.external.endpoints -}}
{{- end -}}
{{- end -}}

{{- define "liquid5gc.homeNetworkKeysSecret" -}}
{{- default (printf "%s-home-network-keys" (include "liquid5gc.fullname" .)) .Values.homeNetworkKeys.existingSecret -}}
{{- end -}}

{{/*
The full environment of one NF application: (dict "root" $ "name" "udm").
*/}}
{{- define "liquid5gc.nfEnv" -}}
{{- $root := .root -}}
{{- $cfg := include "liquid5gc.nfConfig" . | fromYaml -}}
- name: SERVER_PORT
  value: {{ $cfg.port | quote }}
- name: JAVA_TOOL_OPTIONS
  value: {{ $cfg.javaOptions | quote }}
{{ include "liquid5gc.storeEnv" $root }}
{{- include "liquid5gc.callerEnv" (dict "root" $root "self" .name) }}
{{- if eq .name "nrf" }}
- name: LIQUID5GC_REGISTRY_TYPE
  value: etcd
- name: LIQUID5GC_REGISTRY_ETCD_ENDPOINTS
  value: {{ include "liquid5gc.etcdEndpoints" $root | quote }}
{{- end }}
{{- if eq .name "udm" }}
{{- range $i, $k := $root.Values.homeNetworkKeys.keys }}
- name: LIQUID5GC_UDM_HOMENETWORKKEYS_{{ $i }}_ID
  value: {{ $k.id | quote }}
- name: LIQUID5GC_UDM_HOMENETWORKKEYS_{{ $i }}_SCHEME
  value: {{ $k.scheme | quote }}
- name: LIQUID5GC_UDM_HOMENETWORKKEYS_{{ $i }}_PRIVATEKEY
  valueFrom:
    secretKeyRef:
      name: {{ include "liquid5gc.homeNetworkKeysSecret" $root }}
      key: {{ printf "privateKey-%v" $k.id }}
{{- end }}
{{- end }}
{{- if and (eq .name "smf") $root.Values.upf.enabled }}
{{- if or (eq $cfg.placement "faas") (gt (int $cfg.replicas) 1) (and $cfg.autoscaling.enabled (gt (int $cfg.autoscaling.maxReplicas) 1)) }}
{{- fail "upf.enabled needs nfs.smf to be one persistent replica (placement persistent, replicas 1, autoscaling off or maxReplicas 1): the PFCP association is per SMF process" }}
{{- end }}
{{- if or (not $root.Values.upf.pfcpAddress) (not $root.Values.upf.n3Address) }}
{{- fail "upf.enabled needs upf.pfcpAddress and upf.n3Address" }}
{{- end }}
- name: LIQUID5GC_SMF_N4_ENABLED
  value: "true"
- name: LIQUID5GC_SMF_N4ADDRESS
  valueFrom:
    fieldRef:
      fieldPath: status.podIP
- name: LIQUID5GC_SMF_UPF_NODEID
  value: {{ $root.Values.upf.nodeId | quote }}
- name: LIQUID5GC_SMF_UPF_N4ADDRESS
  value: {{ $root.Values.upf.pfcpAddress | quote }}
- name: LIQUID5GC_SMF_UPF_N3ADDRESS
  value: {{ $root.Values.upf.n3Address | quote }}
- name: LIQUID5GC_SMF_N4_T1
  value: {{ $root.Values.upf.t1 | quote }}
- name: LIQUID5GC_SMF_N4_N1
  value: {{ $root.Values.upf.n1 | quote }}
- name: LIQUID5GC_SMF_N4_HEARTBEATINTERVAL
  value: {{ $root.Values.upf.heartbeatInterval | quote }}
{{- end }}
{{- if eq $cfg.placement "faas" }}
- name: LIQUID5GC_SERVE_PLACEMENT
  value: faas
- name: LIQUID5GC_REGISTRATION_ENABLED
  value: "false"
{{- else }}
- name: LIQUID5GC_REGISTRATION_ADVERTISEDURL
  value: {{ include "liquid5gc.nfUrl" . | quote }}
{{- end }}
{{- range $k, $v := $cfg.env }}
- name: {{ $k }}
  value: {{ $v | quote }}
{{- end }}
{{- end -}}
