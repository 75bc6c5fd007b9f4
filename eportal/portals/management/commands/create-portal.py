from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from eportal.portals import services
from eportal.portals.models import Agency
from eportal.vntext import to_unicode


class Command(BaseCommand):
    help = (
        "Create a portal (site, home page, collection, board groups, workflow) for an agency. "
        "The host label is proposed from the agency's name by the Art. 6.3 rule unless --slug is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "agency", help="The agency's full name, e.g. 'Sở Thông tin và Truyền thông'."
        )
        parser.add_argument("--kind", choices=Agency.Kind.values, default=Agency.Kind.DEPARTMENT)
        parser.add_argument("--short-name", default="")
        parser.add_argument("--slug", default="", help="Host label override (default: proposed).")
        parser.add_argument("--hostname", default="", help="Full host name override.")
        parser.add_argument(
            "--name", default="", help="The portal's name (default: from the agency)."
        )
        parser.add_argument("--main", action="store_true", help="This is the main portal.")
        parser.add_argument("--address", default="")
        parser.add_argument("--phone", default="")
        parser.add_argument("--email", default="")

    def handle(self, *args, **opts):
        name = to_unicode(opts["agency"]).strip()
        if not name:
            raise CommandError("Tên cơ quan không được để trống.")
        agency = Agency.objects.filter(name=name).first() or Agency(
            name=name,
            kind=Agency.Kind.MAIN if opts["main"] else opts["kind"],
            short_name=opts["short_name"],
            address=opts["address"],
            phone=opts["phone"],
            email=opts["email"],
        )
        try:
            portal = services.create_portal(
                services.PortalSpec(
                    agency=agency,
                    name=to_unicode(opts["name"]),
                    slug=opts["slug"],
                    hostname=opts["hostname"],
                    is_main=opts["main"],
                )
            )
        except ValidationError as error:
            messages = "; ".join(m for msgs in error.message_dict.values() for m in msgs)
            raise CommandError(messages) from error
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Đã tạo cổng “{portal.name}”: https://{portal.hostname}/ (đường dẫn /p/{portal.slug}/)"
        )
