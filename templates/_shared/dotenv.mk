# .env fills in only what the environment (or make's command line) does not already set.
ifneq (,$(wildcard .env))
ENV_KEYS := $(shell sed -nE 's/^([A-Za-z_][A-Za-z0-9_]*)=.*/\1/p' .env)
$(foreach key,$(ENV_KEYS),$(if $(filter environment% command%,$(origin $(key))),,\
  $(eval $(shell grep -E '^$(key)=' .env | tail -n 1))))
export $(ENV_KEYS)
endif
