"""E-CATPERS web application: the Flask factory. HTTP only; rules live in processes/."""

from __future__ import annotations

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from . import (
    admin,
    audit,
    auth,
    charts,
    db,
    diagrams,
    errors,
    headers,
    inputs,
    letters,
    records,
    styles,
    work,
)
from .config import load_config


def create_app(config: dict | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=True)
    app.config.update(load_config(app.instance_path))
    if config:
        app.config.update(config)
    if app.config["PROXY_HOPS"]:
        hops = app.config["PROXY_HOPS"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)
    inputs.init_app(app)
    db.init_app(app)
    auth.init_app(app)
    errors.init_app(app)
    headers.init_app(app)
    styles.init_app(app)
    letters.init_app(app)
    app.register_blueprint(auth.bp)
    app.register_blueprint(work.bp)
    app.register_blueprint(records.bp)
    app.register_blueprint(diagrams.bp)
    app.register_blueprint(letters.bp)
    app.register_blueprint(admin.bp)
    app.register_blueprint(audit.bp)
    app.register_blueprint(charts.bp)
    from . import cli, views

    cli.init_app(app)
    views.init_app(app)
    return app
