"""Flask CLI commands: ``flask --app web seed-demo`` and ``flask --app web create-user``."""
import click
from flask import Flask
from flask.cli import with_appcontext

from web.extensions import db
from web.match_cli import match_cli
from web.models import Role


@click.command("create-user")
@click.option("--role", type=click.Choice([Role.CONSULTANT, Role.ADMIN]), required=True)
@click.option("--email", required=True)
@click.option("--name", default="")
@click.password_option()
@with_appcontext
def create_user_command(role: str, email: str, name: str, password: str) -> None:
    """Create a consultant or admin account (the first admin has to come from here)."""
    from web.auth.services import create_user, login_taken

    email = email.strip().lower()
    if login_taken(email, None):
        raise click.ClickException(f"a user with {email} exists already")
    create_user(role=role, email=email, name=name, password=password)
    db.session.commit()
    click.echo(f"created {role} {email}")


@click.command("seed-demo")
@click.option("--if-empty", is_flag=True, help="Do nothing when there are users already.")
@with_appcontext
def seed_demo_command(if_empty: bool) -> None:
    """Fill the database with a realistic Copenhagen demo and print the demo logins."""
    from web.demo import seed_demo

    seed_demo(if_empty=if_empty, echo=click.echo)


def init_app(app: Flask) -> None:
    app.cli.add_command(create_user_command)
    app.cli.add_command(seed_demo_command)
    app.cli.add_command(match_cli)
