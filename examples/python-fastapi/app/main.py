"""A minimal service: /health for the HEALTHCHECK, LOG_LEVEL read from the environment."""
import logging
import os

from fastapi import FastAPI

LOG_LEVEL = os.environ.get("LOG_LEVEL", "info").upper()
logging.basicConfig(level=LOG_LEVEL)

app = FastAPI()


@app.get("/health")
def health() -> dict:
    return {"status": "ok"}


@app.get("/")
def index() -> dict:
    return {"log_level": LOG_LEVEL}
